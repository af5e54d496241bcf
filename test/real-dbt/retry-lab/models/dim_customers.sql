{{ config(materialized='table') }}
select c.id, c.name, count(f.id) as orders, sum(f.amount) as total
from {{ ref('stg_customers') }} c
left join {{ ref('fct_orders') }} f on f.customer_id = c.id
group by c.id, c.name
