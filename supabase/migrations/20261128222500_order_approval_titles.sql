-- Approval requests for orders carry a title (number and customer or supplier), as leave, expense and
-- seal requests do: the inbox, copies and webhooks showed order requests with an empty title.
--
-- The title is written on the request after it is submitted, not put into the facts: the facts are
-- hashed to notice a changed order, and a renamed customer must not send approved orders back to
-- approval. Existing order requests without a title get one.

-- "SO-202611-0001 华东贸易有限公司": the order's number and its party's name.
create function app_private.order_approval_title(p_kind text, p_order uuid) returns text
language sql stable set search_path = ''
as $$
  select left(o.number || ' ' || p.name, 200)
  from (select number, tenant_id, party_id from public.sales_orders where p_kind = 'sales_order' and id = p_order
        union all
        select number, tenant_id, party_id from public.purchase_orders where p_kind = 'purchase_order' and id = p_order) o
  join public.parties p on p.tenant_id = o.tenant_id and p.id = o.party_id
$$;
revoke all on function app_private.order_approval_title(text, uuid) from public;

create or replace function app_private.order_approval_gate(p_tenant uuid, p_kind text, p_order uuid, p_number text)
returns jsonb
language plpgsql set search_path = ''
as $$
declare
  facts jsonb := app_private.order_facts(p_kind, p_order);
  inst uuid;
begin
  begin
    perform app_private.assert_approved(p_tenant, p_kind, p_order, facts);
    return null;
  exception when sqlstate 'TR505' or sqlstate 'TR506' then
    if exists (select 1 from public.approval_instances i where i.tenant_id = p_tenant and i.doc_type = p_kind
               and i.doc_id = p_order and i.status = 'pending') then
      raise exception using errcode = 'TR505', message = format('order %s is still under approval', p_number),
        hint = 'status';
    end if;
  end;
  inst := app_private.submit_approval(p_tenant, p_kind, p_order, facts, auth.uid());
  update public.approval_instances i set title = app_private.order_approval_title(p_kind, p_order)
  where i.id = inst and coalesce(i.title, '') = '';
  -- a chain that approves at once (no approver needed) lets the order through now
  begin
    perform app_private.assert_approved(p_tenant, p_kind, p_order, facts);
    return null;
  exception when sqlstate 'TR505' or sqlstate 'TR506' then
    if p_kind = 'sales_order' then
      update public.sales_orders set status = 'submitted' where id = p_order;
    else
      update public.purchase_orders set status = 'submitted' where id = p_order;
    end if;
    return jsonb_build_object('status', 'submitted', 'approval_id', inst, 'number', p_number);
  end;
end
$$;


update public.approval_instances i set title = app_private.order_approval_title(i.doc_type, i.doc_id)
where i.doc_type in ('sales_order', 'purchase_order') and coalesce(i.title, '') = '';
