-- The business events of the webhook catalog, emitted by the modules in the transaction of the change
-- (app_private.emit_event records nothing unless the company subscribes, and a rollback takes the event
-- with it). Triggers, so that every path that changes the row emits, whatever function made it:
--   document.posted      a ledger document got its number (the last step of every posting)
--   payment.received     … and it is a customer receipt
--   document.confirmed   a sales or purchase order became confirmed
--   document.approved / document.rejected   an approval submission was decided
--   approval.task_created                    a task waits for someone
--   stock.below_reorder_point                an item's stock crossed its reorder point going down
-- The catalog's resources now name the rights that exist (subscribing needs read on them).

update public.webhook_event_types set resource = case type
    when 'document.posted' then 'ledger_documents'
    when 'document.confirmed' then 'ledger_documents'
    when 'payment.received' then 'open_items'
    when 'document.approved' then 'approvals'
    when 'document.rejected' then 'approvals'
    when 'approval.task_created' then 'approvals'
    when 'stock.below_reorder_point' then 'stock'
    else resource end
where type in ('document.posted', 'document.confirmed', 'payment.received', 'document.approved', 'document.rejected',
               'approval.task_created', 'stock.below_reorder_point');

create function app_private.emit_document_posted() returns trigger
language plpgsql security definer set search_path = ''
as $$
begin
  perform app_private.emit_event(new.tenant_id, 'document.posted', jsonb_build_object('document_id', new.id,
    'doc_type', new.doc_type, 'number', new.number, 'voucher_id', new.voucher_id, 'party_id', new.party_id,
    'total', new.total, 'date', new.doc_date, 'reversal_of', new.reversal_of));
  if new.doc_type = 'customer_receipt' and new.reversal_of is null then
    perform app_private.emit_event(new.tenant_id, 'payment.received', jsonb_build_object('payment_id', new.id,
      'number', new.number, 'party_id', new.party_id, 'amount', new.total::text, 'currency', 'CNY'));
  end if;
  return null;
end
$$;
create trigger ledger_documents_emit_posted after update of number on public.ledger_documents
  for each row when (old.number is null and new.number is not null)
  execute function app_private.emit_document_posted();

create function app_private.emit_order_confirmed() returns trigger
language plpgsql security definer set search_path = ''
as $$
begin
  perform app_private.emit_event(new.tenant_id, 'document.confirmed', jsonb_build_object('document_id', new.id,
    'doc_type', case tg_table_name when 'sales_orders' then 'sales_order' else 'purchase_order' end,
    'number', new.number, 'party_id', new.party_id, 'total', new.total));
  return null;
end
$$;
create trigger sales_orders_emit_confirmed after update of status on public.sales_orders
  for each row when (new.status = 'confirmed' and old.status is distinct from 'confirmed')
  execute function app_private.emit_order_confirmed();
create trigger purchase_orders_emit_confirmed after update of status on public.purchase_orders
  for each row when (new.status = 'confirmed' and old.status is distinct from 'confirmed')
  execute function app_private.emit_order_confirmed();

create function app_private.emit_approval_decided() returns trigger
language plpgsql security definer set search_path = ''
as $$
begin
  perform app_private.emit_event(new.tenant_id,
    case new.status when 'approved' then 'document.approved' else 'document.rejected' end,
    jsonb_build_object('approval_id', new.id, 'document_id', new.doc_id, 'doc_type', new.doc_type, 'title', new.title,
      'amount', new.amount, 'requester_id', new.requester_id, 'decided_by', auth.uid()));
  return null;
end
$$;
create trigger approval_instances_emit_decided after update of status on public.approval_instances
  for each row when (new.status in ('approved', 'rejected') and old.status is distinct from new.status)
  execute function app_private.emit_approval_decided();

create function app_private.emit_task_created() returns trigger
language plpgsql security definer set search_path = ''
as $$
begin
  perform app_private.emit_event(new.tenant_id, 'approval.task_created', jsonb_build_object('task_id', new.id,
    'document_id', new.doc_id, 'doc_type', new.doc_type, 'assignee', new.assignee_id,
    'assignee_name', (select m.display_name from public.memberships m where m.tenant_id = new.tenant_id and m.user_id = new.assignee_id),
    'title', (select coalesce(i.title, new.doc_type) from public.approval_instances i where i.id = new.instance_id),
    'link', '/approvals'));
  return null;
end
$$;
create trigger approval_tasks_emit_created after insert on public.approval_tasks
  for each row when (new.kind = 'approve' and new.status = 'pending')
  execute function app_private.emit_task_created();

create function app_private.emit_stock_below_reorder_point() returns trigger
language plpgsql security definer set search_path = ''
as $$
declare
  i record;
begin
  select it.sku, it.name, it.reorder_point into i from public.items it where it.id = new.item_id;
  if i.reorder_point is not null and old.quantity > i.reorder_point and new.quantity <= i.reorder_point then
    perform app_private.emit_event(new.tenant_id, 'stock.below_reorder_point', jsonb_build_object('item_id', new.item_id,
      'sku', i.sku, 'name', i.name, 'warehouse', (select w.name from public.warehouses w where w.id = new.warehouse_id),
      'quantity', new.quantity::text, 'reorder_point', i.reorder_point::text));
  end if;
  return null;
end
$$;
create trigger stock_levels_emit_below_reorder_point after update of quantity on public.stock_levels
  for each row when (new.quantity < old.quantity)
  execute function app_private.emit_stock_below_reorder_point();

revoke all on function app_private.emit_document_posted(), app_private.emit_order_confirmed(),
  app_private.emit_approval_decided(), app_private.emit_task_created(), app_private.emit_stock_below_reorder_point()
  from public;
