{{ config(materialized='table') }}
select o.id, o.customer_id, o.amount, p.paid
from {{ ref('stg_orders') }} o
left join {{ ref('stg_payments') }} p on p.order_id = o.id
