-- Orders arrive from webhooks that may be delivered twice.
ALTER TABLE orders ADD CONSTRAINT orders_customer_ref UNIQUE (customer_id, external_ref);
