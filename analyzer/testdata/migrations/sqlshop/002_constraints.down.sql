DROP TABLE bookings;
DROP TABLE rooms;
