CREATE TABLE bookings (
    id     bigserial PRIMARY KEY,
    room   bigint NOT NULL,
    during tsrange NOT NULL,
    CONSTRAINT bookings_no_overlap EXCLUDE USING gist (room WITH =, during WITH &&)
);
