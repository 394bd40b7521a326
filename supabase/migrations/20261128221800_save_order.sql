-- An order with its lines in one call (issue 8: "saving order lines is not transactional").
--
-- public.save_order(p_kind, p_order, p_lines) writes a sales or purchase order's header and its whole
-- list of lines in one transaction: a refused line (or header) leaves the order exactly as it was,
-- whatever the client. Until now a client wrote the header and each line as separate requests and
-- had to undo its own steps when one was refused.
--
-- SECURITY INVOKER: the caller's rights, column privileges and RLS apply to every row written, as if
-- the rows were written one by one through the API; the function only adds atomicity and line-level
-- error messages. Lines: given in order (line_no = position); a line with an "id" updates that line
-- of this order, one without is new; lines of the order not listed are deleted.
--
-- Stable error codes: TR675 bad request (unknown kind or field, not an array, a line id of another
-- order; the hint names the field); errors of a line are raised again with "lines[i]: " before the
-- message and the field as hint (the column, or the columns a violated check constraint reads).

create function public.save_order(p_kind text, p_order jsonb, p_lines jsonb) returns jsonb
language plpgsql volatile security invoker set search_path = ''
as $$
declare
  orders text;
  lines text;
  writable text[];
  v_id uuid := nullif(p_order ->> 'id', '')::uuid;
  v_tenant uuid := app_private.current_tenant_id();
  v_cols text[];
  v_key text;
  v_line jsonb;
  v_i int;
  v_line_id uuid;
  v_ids uuid[];
  v_found boolean;
  e_state text;
  e_message text;
  e_hint text;
  e_column text;
  e_constraint text;
begin
  case p_kind
    when 'sales' then
      orders := 'sales_orders';
      lines := 'sales_order_lines';
      writable := array['party_id', 'order_date', 'warehouse_id', 'owner_id', 'tax_inclusive', 'quotation_id',
        'expected_ship_date', 'note', 'contact_id', 'opportunity_id'];
    when 'purchase' then
      orders := 'purchase_orders';
      lines := 'purchase_order_lines';
      writable := array['party_id', 'order_date', 'warehouse_id', 'owner_id', 'tax_inclusive', 'expected_date', 'note'];
    else
      raise exception using errcode = 'TR675', message = 'kind must be sales or purchase', hint = 'kind';
  end case;
  if jsonb_typeof(p_order) is distinct from 'object' then
    raise exception using errcode = 'TR675', message = 'the order must be a JSON object', hint = 'order';
  end if;
  if jsonb_typeof(p_lines) is distinct from 'array' then
    raise exception using errcode = 'TR675', message = 'lines must be a JSON array', hint = 'lines';
  end if;
  for v_key in select k from jsonb_object_keys(p_order) k where k <> 'id' loop
    if not v_key = any (writable) then
      raise exception using errcode = 'TR675', message = format('%s cannot be written on an order', v_key), hint = v_key;
    end if;
    v_cols := v_cols || v_key;
  end loop;

  -- the header
  if v_id is null then
    execute format('insert into public.%I (tenant_id%s) select $2%s from jsonb_populate_record(null::public.%I, $1) returning id',
      orders,
      coalesce((select string_agg(', ' || quote_ident(c), '') from unnest(v_cols) c), ''),
      coalesce((select string_agg(', ' || quote_ident(c), '') from unnest(v_cols) c), ''),
      orders)
      using p_order, v_tenant into v_id;
  else
    if v_cols is not null then
      execute format('update public.%I o set (%s) = (select %s from jsonb_populate_record(null::public.%I, $1)) where o.id = $2',
        orders,
        (select string_agg(quote_ident(c), ', ') from unnest(v_cols) c),
        (select string_agg(quote_ident(c), ', ') from unnest(v_cols) c),
        orders)
        using p_order, v_id;
    end if;
    execute format('select exists (select 1 from public.%I o where o.id = $1)', orders) using v_id into v_found;
    if not v_found then
      raise exception using errcode = 'TR675', message = 'order not found', hint = 'id';
    end if;
  end if;

  -- the lines: ids must be this order's; the unlisted go; the kept move out of the way of the new numbers
  select array_agg((l ->> 'id')::uuid) into v_ids
  from jsonb_array_elements(p_lines) l where nullif(l ->> 'id', '') is not null;
  execute format('delete from public.%I l where l.order_id = $1 and not (l.id = any (coalesce($2, ''{}''::uuid[])))', lines)
    using v_id, v_ids;
  execute format('update public.%I l set line_no = l.line_no + 1000000 where l.order_id = $1', lines) using v_id;

  for v_line, v_i in select l, n::int from jsonb_array_elements(p_lines) with ordinality as x(l, n) loop
    begin
      if jsonb_typeof(v_line) is distinct from 'object' then
        raise exception using errcode = 'TR675', message = 'a line must be a JSON object', hint = 'lines';
      end if;
      v_line_id := nullif(v_line ->> 'id', '')::uuid;
      if v_line_id is null then
        execute format($f$insert into public.%I (tenant_id, order_id, line_no, item_id, quantity, unit_price, discount, tax_rate)
          values ($1, $2, $3, ($4 ->> 'item_id')::uuid, ($4 ->> 'quantity')::numeric, ($4 ->> 'unit_price')::numeric,
            coalesce(($4 ->> 'discount')::numeric, 0), ($4 ->> 'tax_rate')::numeric)$f$, lines)
          using v_tenant, v_id, v_i, v_line;
      else
        execute format($f$update public.%I l set line_no = $3, item_id = ($4 ->> 'item_id')::uuid,
            quantity = ($4 ->> 'quantity')::numeric, unit_price = ($4 ->> 'unit_price')::numeric,
            discount = coalesce(($4 ->> 'discount')::numeric, 0), tax_rate = ($4 ->> 'tax_rate')::numeric
          where l.id = $1 and l.order_id = $2$f$, lines)
          using v_line_id, v_id, v_i, v_line;
        get diagnostics v_found = row_count;
        if not v_found then
          raise exception using errcode = 'TR675', message = 'this line is not a line of the order', hint = 'id';
        end if;
      end if;
    exception when others then
      get stacked diagnostics e_state = returned_sqlstate, e_message = message_text, e_hint = pg_exception_hint,
        e_column = column_name, e_constraint = constraint_name;
      -- a check constraint names the columns it reads (the field to correct), not itself
      if nullif(e_constraint, '') is not null then
        select string_agg(a.attname, ', ' order by a.attnum) into e_column
        from pg_catalog.pg_constraint c
        join pg_catalog.pg_attribute a on a.attrelid = c.conrelid and a.attnum = any (c.conkey)
        where c.conname = e_constraint and c.conrelid = format('public.%I', lines)::regclass;
      end if;
      raise exception using errcode = e_state, message = format('lines[%s]: %s', v_i - 1, e_message),
        hint = coalesce(nullif(e_hint, ''), nullif(e_column, ''), nullif(e_constraint, ''), 'lines');
    end;
  end loop;

  -- money as text: a JSON number would become a float in a JavaScript client
  execute format('select jsonb_build_object(''id'', o.id, ''number'', o.number, ''amount'', o.amount::text, '
    '''tax'', o.tax::text, ''total'', o.total::text) from public.%I o where o.id = $1', orders) using v_id into v_line;
  return v_line;
end
$$;
comment on function public.save_order(text, jsonb, jsonb) is
  'Saves a sales or purchase order (kind sales | purchase) with its complete list of lines in one transaction: '
  'header fields as given (no id: a new draft), lines in order (with id: that line changed; without: new; '
  'unlisted: deleted). Runs with the caller''s rights and RLS; a refused line names itself (lines[i]) and '
  'leaves the order as it was. Returns id, number and totals (as text).';

revoke execute on function public.save_order(text, jsonb, jsonb) from public, anon;
grant execute on function public.save_order(text, jsonb, jsonb) to authenticated;
