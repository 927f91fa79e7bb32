DROP TABLE visits;
DROP TABLE users;
