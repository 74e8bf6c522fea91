-- An online shop's schema on day one, the example of a database of your own (workloads/orders.yaml).
-- Orders are not indexed by customer yet: the index a busy shop finds it needs is the candidate migration in
-- ../candidates, for 'dbsim ab --workload workloads/orders.yaml --candidate-migrations schema/examples/orders/candidates'.

CREATE TABLE customers (
    id            bigserial PRIMARY KEY,
    email         text        NOT NULL UNIQUE,
    name          text        NOT NULL,
    city          text        NOT NULL,
    created_at    timestamptz NOT NULL DEFAULT now(),
    last_order_at timestamptz
);

CREATE TABLE products (
    id       bigserial PRIMARY KEY,
    sku      text           NOT NULL UNIQUE,
    name     text           NOT NULL,
    category text           NOT NULL,
    price    numeric(10, 2) NOT NULL CHECK (price >= 0),
    stock    int            NOT NULL DEFAULT 0
);

CREATE INDEX products_category_idx ON products (category);

CREATE TABLE orders (
    id          bigserial PRIMARY KEY,
    customer_id bigint         NOT NULL REFERENCES customers (id),
    status      text           NOT NULL DEFAULT 'new' CHECK (status IN ('new', 'paid', 'shipped', 'cancelled')),
    total       numeric(12, 2) NOT NULL DEFAULT 0,
    created_at  timestamptz    NOT NULL DEFAULT now(),
    shipped_at  timestamptz
);

CREATE TABLE order_lines (
    order_id   bigint         NOT NULL REFERENCES orders (id),
    line       int            NOT NULL,
    product_id bigint         NOT NULL REFERENCES products (id),
    quantity   int            NOT NULL CHECK (quantity > 0),
    price      numeric(10, 2) NOT NULL,
    PRIMARY KEY (order_id, line)
);
