CREATE TABLE coupons (
    id   bigserial PRIMARY KEY,
    code text NOT NULL
);

CREATE TABLE visits (
    user_id bigint NOT NULL,
    day     date   NOT NULL,
    hits    bigint NOT NULL DEFAULT 0
);
