-- Named constraints for ON CONFLICT ON CONSTRAINT.
CREATE TABLE rooms (
    id     serial PRIMARY KEY,
    code   text NOT NULL,
    floor  int NOT NULL,
    CONSTRAINT rooms_code_key UNIQUE (code)
);
CREATE UNIQUE INDEX rooms_floor_code ON rooms (floor, code);
ALTER TABLE rooms ADD CONSTRAINT rooms_floor_positive CHECK (floor >= 0);
ALTER TABLE rooms ADD CONSTRAINT rooms_old_key UNIQUE (floor, id);
-- A later migration drops what an earlier one added.
ALTER TABLE rooms DROP CONSTRAINT rooms_old_key;

CREATE TABLE bookings (
    id     serial PRIMARY KEY,
    room   int NOT NULL,
    during tsrange NOT NULL,
    CONSTRAINT bookings_no_overlap EXCLUDE USING gist (room WITH =, during WITH &&)
);
