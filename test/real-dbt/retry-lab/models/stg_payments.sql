{{ config(materialized='table') }}
select * from read_csv_auto('{{ env_var("LAB_DATA") }}/payments.csv')
