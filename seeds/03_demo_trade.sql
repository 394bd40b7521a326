-- The demo company's trade: customers, suppliers and products, stock bought and billed, a contract
-- approval chain, a sales order that went the whole way (approved, delivered with a tracking number,
-- invoiced, paid) and one waiting for the boss's approval, so that the dashboard, the ledger, the
-- approval inbox and the customer archive have something to show after `npm start`.
--
-- As in 02_demo_company.sql, everything goes through the real functions with the claims of the person
-- acting; only master data is inserted directly. Skipped when the demo company already has customers.
do $$
declare
  company uuid := (select id from public.tenants where credit_code = '91310115MA1K2T7B1L');
  u record;
  today date := (now() at time zone 'Asia/Shanghai')::date;
  sup1 uuid; sup2 uuid; cus1 uuid; cus2 uuid; cus3 uuid;
  items uuid[];
  r jsonb;
  so uuid;
  inv jsonb;
  task uuid;
  boss uuid := (select id from auth.users where email = 'boss@example.com');
  sales uuid := (select id from auth.users where email = 'sales@example.com');
  wh uuid := (select id from auth.users where email = 'warehouse@example.com');
  acct uuid := (select id from auth.users where email = 'accountant@example.com');
  cashier uuid := (select id from auth.users where email = 'cashier@example.com');
  chain uuid;
  step uuid;
  line record;
begin
  if company is null or exists (select 1 from public.parties where tenant_id = company) then
    raise notice 'demo trade data skipped';
    return;
  end if;
  perform set_config('request.headers', json_build_object('x-tenant-id', company)::text, true);

  insert into public.parties (tenant_id, code, name, is_customer, is_supplier, taxpayer_id, payment_terms_days, owner_id)
  values (company, 'S001', '苏州恒丰纺织品有限公司', false, true, null, 30, null) returning id into sup1;
  insert into public.parties (tenant_id, code, name, is_customer, is_supplier, payment_terms_days)
  values (company, 'S002', '宁波海曙日用品批发部', false, true, 15) returning id into sup2;
  insert into public.parties (tenant_id, code, name, payment_terms_days, credit_limit, owner_id, source)
  values (company, 'C001', '杭州西湖百货有限公司', 30, 200000, sales, '展会') returning id into cus1;
  insert into public.parties (tenant_id, code, name, payment_terms_days, credit_limit, owner_id, source)
  values (company, 'C002', '南京玄武商贸有限公司', 15, 50000, sales, '老客户介绍') returning id into cus2;
  insert into public.parties (tenant_id, code, name, payment_terms_days, owner_id, source)
  values (company, 'C003', '上海静安便利连锁', 0, sales, '网站') returning id into cus3;

  insert into public.items (tenant_id, sku, name, spec, unit, category, output_tax_code, input_tax_code,
    sale_price, purchase_price, reorder_point, reorder_quantity, preferred_supplier_id)
  values
    (company, 'TWL-001', '纯棉毛巾', '70×140cm', '条', '纺织品', 'VAT13', 'IN13', 39.00, 18.08, 50, 200, sup1),
    (company, 'TWL-002', '浴巾', '90×180cm', '条', '纺织品', 'VAT13', 'IN13', 89.00, 45.20, 30, 100, sup1),
    (company, 'CUP-001', '保温杯', '500ml', '个', '日用品', 'VAT13', 'IN13', 129.00, 56.50, 20, 60, sup2),
    (company, 'BAG-001', '环保购物袋', '大号', '个', '日用品', 'VAT13', 'IN13', 9.90, 3.39, 100, 500, sup2),
    (company, 'TSH-001', '牙刷套装', '4支装', '套', '日用品', 'VAT13', 'IN13', 25.00, 9.04, 40, 200, sup2);
  select array_agg(id order by sku) into items from public.items where tenant_id = company;
  -- BAG-001, CUP-001, TSH-001, TWL-001, TWL-002 in that order

  -- The warehouse receives stock (暂估 until billed), the accountant posts one supplier's bill, the cashier pays it.
  perform set_config('request.jwt.claims', json_build_object('sub', wh, 'role', 'authenticated')::text, true);
  r := public.post_document('purchase_receipt', 'demo-receipt-1', jsonb_build_object('date', today, 'supplier_id', sup1,
    'lines', jsonb_build_array(
      jsonb_build_object('item_id', items[4], 'quantity', 300, 'unit_cost', 16.00),
      jsonb_build_object('item_id', items[5], 'quantity', 120, 'unit_cost', 40.00))));
  perform public.post_document('purchase_receipt', 'demo-receipt-2', jsonb_build_object('date', today, 'supplier_id', sup2,
    'lines', jsonb_build_array(
      jsonb_build_object('item_id', items[1], 'quantity', 80, 'unit_cost', 3.00),
      jsonb_build_object('item_id', items[2], 'quantity', 40, 'unit_cost', 50.00),
      jsonb_build_object('item_id', items[3], 'quantity', 150, 'unit_cost', 8.00))));
  perform set_config('request.jwt.claims', json_build_object('sub', acct, 'role', 'authenticated')::text, true);
  inv := public.post_document('supplier_bill', 'demo-bill-1', jsonb_build_object('date', today, 'supplier_id', sup1,
    'tax_inclusive', false,
    'lines', (select jsonb_agg(jsonb_build_object('receipt_line_id', dl.id, 'unit_price', dl.unit_price, 'tax_code', 'IN13'))
              from public.ledger_document_lines dl where dl.document_id = (r ->> 'document_id')::uuid)));
  perform set_config('request.jwt.claims', json_build_object('sub', cashier, 'role', 'authenticated')::text, true);
  perform public.post_document('supplier_payment', 'demo-payment-1', jsonb_build_object('date', today, 'supplier_id', sup1,
    'amount', (inv ->> 'total')::numeric,
    'allocations', jsonb_build_array(jsonb_build_object('open_item_id',
      (select oi.id from public.open_items oi where oi.source_id = (inv ->> 'document_id')::uuid), 'amount', (inv ->> 'total')::numeric))));

  -- Contracts of 10,000 and more need the boss's approval.
  perform set_config('request.jwt.claims', json_build_object('sub', boss, 'role', 'authenticated')::text, true);
  insert into public.approval_chains (tenant_id, doc_type, name, min_amount) values (company, 'sales_order', '大额合同审批', 10000)
  returning id into chain;
  insert into public.approval_chain_steps (tenant_id, chain_id, position, name, mode) values (company, chain, 1, '总经理审批', 'any')
  returning id into step;
  insert into public.approval_step_approvers (tenant_id, step_id, kind, user_id) values (company, step, 'person', boss);

  -- A contract that went the whole way: approved, delivered by 顺丰, invoiced, paid.
  perform set_config('request.jwt.claims', json_build_object('sub', sales, 'role', 'authenticated')::text, true);
  insert into public.sales_orders (tenant_id, party_id, note) values (company, cus1, '年底促销备货') returning id into so;
  insert into public.sales_order_lines (tenant_id, order_id, line_no, item_id, quantity, unit_price) values
    (company, so, 1, items[4], 200, 39.00), (company, so, 2, items[5], 80, 89.00);
  perform public.confirm_sales_order(so);
  perform set_config('request.jwt.claims', json_build_object('sub', boss, 'role', 'authenticated')::text, true);
  select t.id into task from public.approval_tasks t join public.approval_instances i on i.id = t.instance_id
  where i.doc_id = so and t.status = 'pending';
  perform public.approve_task(task);
  perform set_config('request.jwt.claims', json_build_object('sub', sales, 'role', 'authenticated')::text, true);
  perform public.confirm_sales_order(so);
  perform set_config('request.jwt.claims', json_build_object('sub', wh, 'role', 'authenticated')::text, true);
  perform public.deliver_sales_order('demo-delivery-1', so, null, '顺丰速运', 'SF1402398765432');
  perform set_config('request.jwt.claims', json_build_object('sub', acct, 'role', 'authenticated')::text, true);
  inv := public.invoice_sales_order('demo-invoice-1', so);
  perform set_config('request.jwt.claims', json_build_object('sub', cashier, 'role', 'authenticated')::text, true);
  perform public.post_document('customer_receipt', 'demo-receipt-cash-1', jsonb_build_object('date', today,
    'customer_id', cus1, 'amount', (inv ->> 'total')::numeric,
    'allocations', jsonb_build_array(jsonb_build_object('open_item_id',
      (select oi.id from public.open_items oi where oi.source_id = (inv ->> 'document_id')::uuid), 'amount', (inv ->> 'total')::numeric))));

  -- A small order delivered and invoiced but not paid yet, and a big one waiting for the boss.
  perform set_config('request.jwt.claims', json_build_object('sub', sales, 'role', 'authenticated')::text, true);
  insert into public.sales_orders (tenant_id, party_id) values (company, cus2) returning id into so;
  insert into public.sales_order_lines (tenant_id, order_id, line_no, item_id, quantity, unit_price) values
    (company, so, 1, items[2], 10, 129.00), (company, so, 2, items[3], 50, 25.00);
  perform public.confirm_sales_order(so);
  perform set_config('request.jwt.claims', json_build_object('sub', wh, 'role', 'authenticated')::text, true);
  perform public.deliver_sales_order('demo-delivery-2', so, null, '中通快递', 'ZT7788990011');
  perform set_config('request.jwt.claims', json_build_object('sub', acct, 'role', 'authenticated')::text, true);
  perform public.invoice_sales_order('demo-invoice-2', so);

  perform set_config('request.jwt.claims', json_build_object('sub', sales, 'role', 'authenticated')::text, true);
  insert into public.sales_orders (tenant_id, party_id, note) values (company, cus3, '门店开业备货') returning id into so;
  insert into public.sales_order_lines (tenant_id, order_id, line_no, item_id, quantity, unit_price) values
    (company, so, 1, items[1], 60, 9.90), (company, so, 2, items[2], 25, 129.00), (company, so, 3, items[5], 100, 89.00);
  perform public.confirm_sales_order(so);

  perform set_config('request.jwt.claims', '', true);
  perform set_config('request.headers', '', true);
end
$$;
