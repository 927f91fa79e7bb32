CREATE TABLE coupons (
    id bigserial PRIMARY KEY,
    code text NOT NULL,
    name text NOT NULL
);
CREATE UNIQUE INDEX coupons_code ON coupons (code);
