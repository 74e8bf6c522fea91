-- The index the missing-index finding names for my_orders: a customer's orders, newest first.
CREATE INDEX orders_customer_id_created_at_idx ON orders (customer_id, created_at);
