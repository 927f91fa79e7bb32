-- Names are unique per lower-cased spelling.
CREATE UNIQUE INDEX users_lower_name ON users (lower(name));
