-- A document with its lines in one call: orders and draft vouchers (issue 8: "saving order lines is not
-- transactional"; the voucher screen had the same gap).
--
-- public.save_order(p_kind, p_order, p_lines) and public.save_voucher(p_voucher, p_lines) write a
-- header and its whole list of lines in one transaction: a refused line (or header) leaves the
-- document exactly as it was, whatever the client. Until now a client wrote the header and the lines
-- as separate requests and had to undo its own steps when one was refused.
--
-- SECURITY INVOKER (both, and the shared app_private.save_with_lines): the caller's rights, column
-- privileges, RLS and every trigger apply to each row written, as if the rows were written one by one
-- through the API; the functions add atomicity and line-level error messages, nothing else. Lines are
-- given in order (line_no = position); a line with an "id" changes that line of this document, one
-- without is new; lines of the document not listed are deleted. Only the fields people may write are
-- accepted; a field left out of a line keeps its value (or gets its default when new).
--
-- Stable error codes: TR675 bad request (unknown kind or field, not an object/array, a line id of
-- another document, document not found; the hint names the field); errors of a line are raised again
-- with "lines[i]: " before the message and the field as hint (the column, or the columns a violated
-- check constraint reads).

create function app_private.save_with_lines(
  p_headers text, p_lines text, p_parent_column text, p_header_fields text[], p_line_fields text[],
  p_header jsonb, p_line_list jsonb
) returns uuid
language plpgsql volatile security invoker set search_path = ''
as $$
declare
  v_id uuid := nullif(p_header ->> 'id', '')::uuid;
  v_tenant uuid := app_private.current_tenant_id();
  v_cols text[];
  v_key text;
  v_line jsonb;
  v_i int;
  v_line_id uuid;
  v_ids uuid[];
  v_found boolean;
  v_count int;
  e_state text;
  e_message text;
  e_hint text;
  e_column text;
  e_constraint text;
begin
  if jsonb_typeof(p_header) is distinct from 'object' then
    raise exception using errcode = 'TR675', message = 'the document must be a JSON object', hint = 'header';
  end if;
  if jsonb_typeof(p_line_list) is distinct from 'array' then
    raise exception using errcode = 'TR675', message = 'lines must be a JSON array', hint = 'lines';
  end if;
  for v_key in select k from jsonb_object_keys(p_header) k where k <> 'id' loop
    if not v_key = any (p_header_fields) then
      raise exception using errcode = 'TR675', message = format('%s cannot be written here', v_key), hint = v_key;
    end if;
    v_cols := v_cols || v_key;
  end loop;

  -- the header
  if v_id is null then
    execute format('insert into public.%I (tenant_id%s) select $2%s from jsonb_populate_record(null::public.%I, $1) r returning id',
      p_headers,
      coalesce((select string_agg(', ' || quote_ident(c), '') from unnest(v_cols) c), ''),
      coalesce((select string_agg(', r.' || quote_ident(c), '') from unnest(v_cols) c), ''),
      p_headers)
      using p_header, v_tenant into v_id;
  else
    if v_cols is not null then
      execute format('update public.%I o set %s from jsonb_populate_record(null::public.%I, $1) r where o.id = $2',
        p_headers, (select string_agg(format('%1$I = r.%1$I', c), ', ') from unnest(v_cols) c), p_headers)
        using p_header, v_id;
    end if;
    execute format('select exists (select 1 from public.%I o where o.id = $1)', p_headers) using v_id into v_found;
    if not v_found then
      raise exception using errcode = 'TR675', message = 'document not found', hint = 'id';
    end if;
  end if;

  -- the lines: ids must be this document's; the unlisted go; the kept move out of the way of the new numbers
  select array_agg((l ->> 'id')::uuid) into v_ids
  from jsonb_array_elements(p_line_list) l where jsonb_typeof(l) = 'object' and nullif(l ->> 'id', '') is not null;
  execute format('delete from public.%I l where l.%I = $1 and not (l.id = any (coalesce($2, ''{}''::uuid[])))',
    p_lines, p_parent_column) using v_id, v_ids;
  execute format('update public.%I l set line_no = l.line_no + 1000000 where l.%I = $1', p_lines, p_parent_column)
    using v_id;

  for v_line, v_i in select l, n::int from jsonb_array_elements(p_line_list) with ordinality as x(l, n) loop
    begin
      if jsonb_typeof(v_line) is distinct from 'object' then
        raise exception using errcode = 'TR675', message = 'a line must be a JSON object', hint = 'lines';
      end if;
      v_cols := null;
      for v_key in select k from jsonb_object_keys(v_line) k where k <> 'id' loop
        if not v_key = any (p_line_fields) then
          raise exception using errcode = 'TR675', message = format('%s cannot be written on a line', v_key), hint = v_key;
        end if;
        v_cols := v_cols || v_key;
      end loop;
      v_line_id := nullif(v_line ->> 'id', '')::uuid;
      if v_line_id is null then
        execute format('insert into public.%I (tenant_id, %I, line_no%s) select $1, $2, $3%s from jsonb_populate_record(null::public.%I, $4) r',
          p_lines, p_parent_column,
          coalesce((select string_agg(', ' || quote_ident(c), '') from unnest(v_cols) c), ''),
          coalesce((select string_agg(', r.' || quote_ident(c), '') from unnest(v_cols) c), ''),
          p_lines)
          using v_tenant, v_id, v_i, v_line;
      else
        execute format('update public.%I l set line_no = $3%s from jsonb_populate_record(null::public.%I, $4) r where l.id = $1 and l.%I = $2',
          p_lines,
          coalesce((select string_agg(format(', %1$I = r.%1$I', c), '') from unnest(v_cols) c), ''),
          p_lines, p_parent_column)
          using v_line_id, v_id, v_i, v_line;
        get diagnostics v_count = row_count;
        if v_count = 0 then
          raise exception using errcode = 'TR675', message = 'this line is not a line of the document', hint = 'id';
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
        where c.conname = e_constraint and c.conrelid = format('public.%I', p_lines)::regclass;
      end if;
      raise exception using errcode = e_state, message = format('lines[%s]: %s', v_i - 1, e_message),
        hint = coalesce(nullif(e_hint, ''), nullif(e_column, ''), nullif(e_constraint, ''), 'lines');
    end;
  end loop;
  return v_id;
end
$$;
comment on function app_private.save_with_lines(text, text, text, text[], text[], jsonb, jsonb) is
  'The engine of save_order and save_voucher: a header and its complete list of lines in one transaction, '
  'only the listed fields, with the caller''s rights (security invoker).';
revoke all on function app_private.save_with_lines(text, text, text, text[], text[], jsonb, jsonb) from public;
grant execute on function app_private.save_with_lines(text, text, text, text[], text[], jsonb, jsonb) to authenticated;

create function public.save_order(p_kind text, p_order jsonb, p_lines jsonb) returns jsonb
language plpgsql volatile security invoker set search_path = ''
as $$
declare
  v_id uuid;
  v_result jsonb;
begin
  if p_kind is null or p_kind not in ('sales', 'purchase') then
    raise exception using errcode = 'TR675', message = 'kind must be sales or purchase', hint = 'kind';
  end if;
  v_id := app_private.save_with_lines(p_kind || '_orders', p_kind || '_order_lines', 'order_id',
    case p_kind
      when 'sales' then array['party_id', 'order_date', 'warehouse_id', 'owner_id', 'tax_inclusive', 'quotation_id',
        'expected_ship_date', 'note', 'contact_id', 'opportunity_id']
      else array['party_id', 'order_date', 'warehouse_id', 'owner_id', 'tax_inclusive', 'expected_date', 'note']
    end,
    array['item_id', 'quantity', 'unit_price', 'discount', 'tax_rate'], p_order, p_lines);
  -- money as text: a JSON number would become a float in a JavaScript client
  execute format('select jsonb_build_object(''id'', o.id, ''number'', o.number, ''amount'', o.amount::text, '
    '''tax'', o.tax::text, ''total'', o.total::text) from public.%I o where o.id = $1', p_kind || '_orders')
    using v_id into v_result;
  return v_result;
end
$$;
comment on function public.save_order(text, jsonb, jsonb) is
  'Saves a sales or purchase order (kind sales | purchase) with its complete list of lines in one transaction: '
  'header fields as given (no id: a new draft), lines in order (with id: that line changed; without: new; '
  'unlisted: deleted). Runs with the caller''s rights and RLS; a refused line names itself (lines[i]) and '
  'leaves the order as it was. Returns id, number and totals (as text).';
revoke execute on function public.save_order(text, jsonb, jsonb) from public, anon;
grant execute on function public.save_order(text, jsonb, jsonb) to authenticated;

create function public.save_voucher(p_voucher jsonb, p_lines jsonb) returns jsonb
language plpgsql volatile security invoker set search_path = ''
as $$
declare
  v_id uuid;
  v_result jsonb;
begin
  v_id := app_private.save_with_lines('vouchers', 'voucher_lines', 'voucher_id',
    array['word', 'voucher_date', 'summary', 'attachment_count'],
    array['summary', 'account_id', 'debit', 'credit', 'party_id', 'item_id', 'department_id', 'project_id',
      'employee_id', 'quantity', 'unit_price', 'due_date'],
    p_voucher, p_lines);
  select jsonb_build_object('id', v.id, 'status', v.status,
    'debit', (select coalesce(sum(l.debit), 0)::text from public.voucher_lines l where l.voucher_id = v.id),
    'credit', (select coalesce(sum(l.credit), 0)::text from public.voucher_lines l where l.voucher_id = v.id))
    into v_result from public.vouchers v where v.id = v_id;
  return v_result;
end
$$;
comment on function public.save_voucher(jsonb, jsonb) is
  'Saves a draft voucher with its complete list of lines in one transaction (no id: a new draft; lines as in '
  'save_order). Runs with the caller''s rights and RLS; only drafts change (posting is post_voucher). Returns '
  'id, status and the debit and credit totals (as text).';
revoke execute on function public.save_voucher(jsonb, jsonb) from public, anon;
grant execute on function public.save_voucher(jsonb, jsonb) to authenticated;
