DROP TABLE orders;
DROP TABLE tags;
DROP TABLE users;
