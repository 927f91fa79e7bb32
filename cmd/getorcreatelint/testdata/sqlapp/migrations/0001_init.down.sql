DROP TABLE events;
DROP TABLE cities;
DROP TABLE tags;
DROP TABLE users;
