DROP TABLE cities;
DROP TABLE settings;
DROP TABLE events;
DROP TABLE tags;
DROP TABLE users;
