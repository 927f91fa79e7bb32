DROP TABLE visits;
DROP TABLE coupons;
