-- Approval requests for orders carry a title (number and customer or supplier), as leave, expense and
-- seal requests do: the inbox, copies and webhooks showed order requests with an empty title.
--
-- The title is filled in when the request row is written, by a trigger on approval_instances: not put
-- into the facts (they are hashed to notice a changed order, and a renamed customer must not send
-- approved orders back to approval), and not by another copy of the order approval gate. Existing
-- order requests without a title get one.

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

create function app_private.approval_instances_order_title() returns trigger
language plpgsql set search_path = ''
as $$
begin
  new.title := coalesce(app_private.order_approval_title(new.doc_type, new.doc_id), new.title);
  return new;
end
$$;
revoke all on function app_private.approval_instances_order_title() from public;
create trigger approval_instances_order_title before insert on public.approval_instances
  for each row when (new.doc_type in ('sales_order', 'purchase_order') and coalesce(new.title, '') = '')
  execute function app_private.approval_instances_order_title();

update public.approval_instances i set title = app_private.order_approval_title(i.doc_type, i.doc_id)
where i.doc_type in ('sales_order', 'purchase_order') and coalesce(i.title, '') = '';
