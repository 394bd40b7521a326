-- Bulk import of customers, suppliers and products (issue 6): the client or an edge function parses the
-- CSV/XLSX file (functions/_shared/import/rows.ts maps parsed tables to rows), the database validates.
--
-- import_customers / import_suppliers / import_products (p_rows jsonb array of objects, p_dry_run):
-- every row is checked field by field, then inserted inside a block that is rolled back when the call is
-- a dry run or any row failed. So the preview runs exactly the checks the real import runs (constraints
-- and triggers included), and a real import writes all rows or none. The answer:
--   {ok, dry_run, rows, valid (rows that passed), inserted (0 unless written), errors: [{row, field, message}]}
-- `row` is the row's `_row` value when the client sends one (its line in the file), else its 1-based
-- position in the array. Rows run as the caller, under RLS (parties:create / items:create).
--
-- Decision: no upsert. A code (or SKU) that already exists is an error on its row: an import adds
-- master data, it does not silently overwrite what colleagues maintain. Corrections are edits.
--
-- Error codes: TR611 the payload is not an array of objects (or too many rows); TR612 is internal.

-- A decimal from spreadsheet text ("1,234.50", "¥ 12"); null when it is not one.
create function app_private.import_numeric(p_text text) returns numeric
language plpgsql immutable set search_path = ''
as $$
begin
  return nullif(regexp_replace(p_text, '[,\s¥￥]', '', 'g'), '')::numeric;
exception when others then
  return null;
end
$$;

create function app_private.import_boolean(p_text text) returns boolean
language sql immutable set search_path = ''
as $$
  select case lower(btrim(p_text))
    when 'true' then true when '1' then true when 'y' then true when 'yes' then true when '是' then true
    when 'false' then false when '0' then false when 'n' then false when 'no' then false when '否' then false
  end
$$;

-- The field a failed statement is about: the hint our triggers give, the column, or the constraint name.
create function app_private.import_field(p_hint text, p_column text, p_constraint text, p_table text) returns text
language sql immutable set search_path = ''
as $$
  select coalesce(
    nullif(p_hint, ''),
    nullif(p_column, ''),
    case when p_constraint like p_table || '\_%\_check'
      then substring(p_constraint from char_length(p_table) + 2 for char_length(p_constraint) - char_length(p_table) - 7) end,
    case when p_constraint like '%code%' then 'code' when p_constraint like '%sku%' then 'sku' end
  )
$$;

create function app_private.import_text(p_row jsonb, p_key text) returns text
language sql immutable set search_path = ''
as $$ select nullif(btrim(p_row ->> p_key), '') $$;

-- Tags as a JSON array or one text split on , ; ， ； 、
create function app_private.import_tags(p_value jsonb) returns text[]
language sql immutable set search_path = ''
as $$
  select coalesce(array_agg(distinct t) filter (where t <> ''), '{}')
  from (
    select btrim(x) as t from jsonb_array_elements_text(case when jsonb_typeof(p_value) = 'array' then p_value else '[]' end) x
    union all
    select btrim(x) from regexp_split_to_table(case when jsonb_typeof(p_value) = 'string' then p_value #>> '{}' else '' end,
                                               '[,;，；、]') x
  ) s
$$;

create function app_private.import_check_payload(p_rows jsonb) returns void
language plpgsql immutable set search_path = ''
as $$
begin
  if p_rows is null or jsonb_typeof(p_rows) <> 'array' then
    raise exception using errcode = 'TR611', message = 'rows must be a JSON array of objects', hint = 'rows';
  end if;
  if jsonb_array_length(p_rows) > 5000 then
    raise exception using errcode = 'TR611', message = 'at most 5000 rows per import: split the file', hint = 'rows';
  end if;
end
$$;

-- Customers or suppliers: one function, the kind sets the flags.
create function app_private.import_parties(p_rows jsonb, p_dry_run boolean, p_customer boolean)
returns jsonb
language plpgsql volatile set search_path = ''
as $$
declare
  tenant uuid := app_private.require('parties', 'create');
  errors jsonb := '[]';
  seen jsonb := '{}';
  r jsonb;
  i bigint;
  rowno text;
  row_errors jsonb;
  v_code text; v_name text; v_taxid text; v_credit numeric; v_terms numeric; v_owner uuid; v_text text;
  party uuid;
  inserted int := 0;
  valid int := 0;
  e_hint text; e_col text; e_con text; e_msg text;
begin
  perform app_private.import_check_payload(p_rows);
  begin
    for r, i in select x, n from jsonb_array_elements(p_rows) with ordinality as t(x, n) loop
      rowno := coalesce(case when jsonb_typeof(r) = 'object' then r ->> '_row' end, i::text);
      row_errors := '[]';
      if jsonb_typeof(r) <> 'object' then
        errors := errors || jsonb_build_object('row', rowno, 'field', null, 'message', 'not an object');
        continue;
      end if;
      v_code := app_private.import_text(r, 'code');
      if v_code is null then
        row_errors := row_errors || jsonb_build_object('field', 'code', 'message', 'required');
      elsif v_code !~ '^[A-Za-z0-9_.-]{1,30}$' then
        row_errors := row_errors || jsonb_build_object('field', 'code', 'message', '1 to 30 letters, digits, _ . or -');
      elsif seen ? v_code then
        row_errors := row_errors || jsonb_build_object('field', 'code', 'message', format('also on row %s', seen ->> v_code));
      elsif exists (select 1 from public.parties p where p.tenant_id = tenant and p.code = v_code) then
        row_errors := row_errors || jsonb_build_object('field', 'code', 'message', format('%s exists already', v_code));
      end if;
      if v_code is not null and not seen ? v_code then
        seen := seen || jsonb_build_object(v_code, rowno);
      end if;
      v_name := app_private.import_text(r, 'name');
      if v_name is null or char_length(v_name) > 200 then
        row_errors := row_errors || jsonb_build_object('field', 'name', 'message', 'required, at most 200 characters');
      end if;
      v_taxid := upper(app_private.import_text(r, 'taxpayer_id'));
      if v_taxid is not null and not public.is_valid_credit_code(v_taxid) then
        row_errors := row_errors || jsonb_build_object('field', 'taxpayer_id',
          'message', 'not a valid 统一社会信用代码 (18 characters, GB 32100 check character)');
      end if;
      v_text := app_private.import_text(r, 'credit_limit');
      v_credit := app_private.import_numeric(v_text);
      if v_text is not null and (v_credit is null or v_credit < 0 or v_credit <> round(v_credit, 2)) then
        row_errors := row_errors || jsonb_build_object('field', 'credit_limit', 'message', 'an amount of zero or more (fen at most)');
      end if;
      v_text := app_private.import_text(r, 'payment_terms_days');
      v_terms := app_private.import_numeric(v_text);
      if v_text is not null and (v_terms is null or v_terms <> trunc(v_terms) or v_terms not between 0 and 3650) then
        row_errors := row_errors || jsonb_build_object('field', 'payment_terms_days', 'message', 'whole days from 0 to 3650');
      end if;
      v_owner := null;
      v_text := lower(app_private.import_text(r, 'owner_email'));
      if v_text is not null then
        v_owner := app_private.import_member_by_email(tenant, v_text);
        if v_owner is null then
          row_errors := row_errors || jsonb_build_object('field', 'owner_email', 'message', format('%s is not a member of this company', v_text));
        end if;
      end if;
      if app_private.import_text(r, 'contact_email') is not null
         and app_private.import_text(r, 'contact_email') !~ '^[^@\s]+@[^@\s]+\.[^@\s]+$' then
        row_errors := row_errors || jsonb_build_object('field', 'contact_email', 'message', 'not an e-mail address');
      end if;
      if app_private.import_text(r, 'contact_phone') is not null
         and app_private.import_text(r, 'contact_phone') !~ '^[0-9+() -]{3,30}$' then
        row_errors := row_errors || jsonb_build_object('field', 'contact_phone', 'message', 'not a phone number');
      end if;
      if app_private.import_text(r, 'contact_name') is null
         and coalesce(app_private.import_text(r, 'contact_phone'), app_private.import_text(r, 'contact_email')) is not null then
        row_errors := row_errors || jsonb_build_object('field', 'contact_name', 'message', 'required with a contact phone or e-mail');
      end if;

      if jsonb_array_length(row_errors) = 0 then
        -- The database's own checks, row by row, so each failure is reported on its row.
        begin
          insert into public.parties (tenant_id, code, name, is_customer, is_supplier, taxpayer_id, invoice_title,
            credit_limit, payment_terms_days, owner_id, tags, source, note)
          values (tenant, v_code, v_name, p_customer, not p_customer, v_taxid, app_private.import_text(r, 'invoice_title'),
            v_credit, coalesce(v_terms, 0)::int, coalesce(v_owner, case when p_customer then auth.uid() end),
            app_private.import_tags(r -> 'tags'), app_private.import_text(r, 'source'), app_private.import_text(r, 'note'))
          returning id into party;
          if app_private.import_text(r, 'contact_name') is not null then
            insert into public.party_contacts (tenant_id, party_id, name, title, phone, email, is_primary)
            values (tenant, party, app_private.import_text(r, 'contact_name'), app_private.import_text(r, 'contact_title'),
              app_private.import_text(r, 'contact_phone'), app_private.import_text(r, 'contact_email'), true);
          end if;
          if app_private.import_text(r, 'address') is not null then
            insert into public.party_addresses (tenant_id, party_id, kind, street, is_default)
            values (tenant, party, case when p_customer then 'shipping' else 'registered' end::public.address_kind,
              app_private.import_text(r, 'address'), true);
          end if;
          valid := valid + 1;
        exception when others then
          get stacked diagnostics e_hint = pg_exception_hint, e_col = column_name, e_con = constraint_name, e_msg = message_text;
          row_errors := row_errors || jsonb_build_object('field', app_private.import_field(e_hint, e_col, e_con, 'parties'),
            'message', e_msg);
        end;
      end if;
      errors := errors || (select coalesce(jsonb_agg(jsonb_build_object('row', rowno) || x), '[]')
                           from jsonb_array_elements(row_errors) x);
    end loop;
    if p_dry_run or jsonb_array_length(errors) > 0 then
      raise exception using errcode = 'TR612', message = 'import rolled back';
    end if;
    inserted := valid;
  exception when sqlstate 'TR612' then
    inserted := 0;
  end;
  return jsonb_build_object('ok', jsonb_array_length(errors) = 0, 'dry_run', p_dry_run,
    'rows', jsonb_array_length(p_rows), 'valid', valid, 'inserted', inserted, 'errors', errors);
end
$$;

-- A member's user id by e-mail (memberships are readable only with members:read).
create function app_private.import_member_by_email(p_tenant uuid, p_email text) returns uuid
language sql stable security definer set search_path = ''
as $$
  select m.user_id from public.memberships m
  where m.tenant_id = p_tenant and lower(m.email) = lower(btrim(p_email)) limit 1
$$;

create function public.import_customers(p_rows jsonb, p_dry_run boolean default true) returns jsonb
language sql volatile set search_path = ''
as $$ select app_private.import_parties(p_rows, p_dry_run, true) $$;
comment on function public.import_customers(jsonb, boolean) is
  'Imports customers from rows {code, name, taxpayer_id, invoice_title, credit_limit, payment_terms_days, owner_email, '
  'tags, source, note, contact_name, contact_title, contact_phone, contact_email, address, _row}: validates every row '
  'and, unless p_dry_run or a row failed, inserts all of them. Answers {ok, dry_run, rows, valid, inserted, errors[{row, field, message}]}. '
  'Existing codes are errors (no upsert). Right: parties:create';

create function public.import_suppliers(p_rows jsonb, p_dry_run boolean default true) returns jsonb
language sql volatile set search_path = ''
as $$ select app_private.import_parties(p_rows, p_dry_run, false) $$;
comment on function public.import_suppliers(jsonb, boolean) is
  'Imports suppliers; the same rows and answer as import_customers. Right: parties:create';

create function public.import_products(p_rows jsonb, p_dry_run boolean default true) returns jsonb
language plpgsql volatile set search_path = ''
as $$
declare
  tenant uuid := app_private.require('items', 'create');
  errors jsonb := '[]';
  seen jsonb := '{}';
  r jsonb;
  i bigint;
  rowno text;
  row_errors jsonb;
  v_sku text; v_name text; v_unit text; v_text text; v_num numeric; v_bool boolean;
  nums jsonb;
  v_category uuid; v_category_text text; v_supplier uuid;
  units jsonb;
  u jsonb;
  item uuid;
  inserted int := 0;
  valid int := 0;
  f text;
  e_hint text; e_col text; e_con text; e_msg text;
begin
  perform app_private.import_check_payload(p_rows);
  begin
    for r, i in select x, n from jsonb_array_elements(p_rows) with ordinality as t(x, n) loop
      rowno := coalesce(case when jsonb_typeof(r) = 'object' then r ->> '_row' end, i::text);
      row_errors := '[]';
      if jsonb_typeof(r) <> 'object' then
        errors := errors || jsonb_build_object('row', rowno, 'field', null, 'message', 'not an object');
        continue;
      end if;
      v_sku := app_private.import_text(r, 'sku');
      if v_sku is null then
        row_errors := row_errors || jsonb_build_object('field', 'sku', 'message', 'required');
      elsif v_sku !~ '^[A-Za-z0-9_.-]{1,40}$' then
        row_errors := row_errors || jsonb_build_object('field', 'sku', 'message', '1 to 40 letters, digits, _ . or -');
      elsif seen ? v_sku then
        row_errors := row_errors || jsonb_build_object('field', 'sku', 'message', format('also on row %s', seen ->> v_sku));
      elsif exists (select 1 from public.items x where x.tenant_id = tenant and x.sku = v_sku) then
        row_errors := row_errors || jsonb_build_object('field', 'sku', 'message', format('%s exists already', v_sku));
      end if;
      if v_sku is not null and not seen ? v_sku then
        seen := seen || jsonb_build_object(v_sku, rowno);
      end if;
      v_name := app_private.import_text(r, 'name');
      if v_name is null or char_length(v_name) > 200 then
        row_errors := row_errors || jsonb_build_object('field', 'name', 'message', 'required, at most 200 characters');
      end if;
      v_unit := coalesce(app_private.import_text(r, 'unit'), '个');
      if char_length(v_unit) > 20 then
        row_errors := row_errors || jsonb_build_object('field', 'unit', 'message', 'at most 20 characters');
      end if;
      v_text := app_private.import_text(r, 'barcode');
      if v_text is not null and v_text !~ '^[0-9A-Za-z-]{1,40}$' then
        row_errors := row_errors || jsonb_build_object('field', 'barcode', 'message', 'letters, digits or -, at most 40');
      end if;
      v_text := app_private.import_text(r, 'tax_classification_code');
      if v_text is not null and v_text !~ '^[0-9]{19}$' then
        row_errors := row_errors || jsonb_build_object('field', 'tax_classification_code', 'message', '19 digits (税收分类编码)');
      end if;
      foreach f in array array['output_tax_code', 'input_tax_code'] loop
        v_text := upper(app_private.import_text(r, f));
        if v_text is not null and not exists (select 1 from public.tax_codes tc where tc.tenant_id = tenant and tc.code = v_text) then
          row_errors := row_errors || jsonb_build_object('field', f, 'message', format('no tax code %s in this company', v_text));
        end if;
      end loop;
      -- Prices (6 decimals) and quantities (4 decimals), zero or more.
      nums := '{}';
      foreach f in array array['sale_price', 'purchase_price', 'reorder_point', 'reorder_quantity', 'safety_stock'] loop
        v_text := app_private.import_text(r, f);
        if v_text is null then continue; end if;
        v_num := app_private.import_numeric(v_text);
        if v_num is null or v_num < 0 or v_num <> round(v_num, case when f like '%price' then 6 else 4 end)
           or (f = 'reorder_quantity' and v_num = 0) then
          row_errors := row_errors || jsonb_build_object('field', f, 'message',
            case when f like '%price' then 'a price of zero or more (6 decimals at most)'
                 when f = 'reorder_quantity' then 'a quantity above zero (4 decimals at most)'
                 else 'a quantity of zero or more (4 decimals at most)' end);
        else
          nums := nums || jsonb_build_object(f, v_num);
        end if;
      end loop;
      v_text := app_private.import_text(r, 'is_stock');
      v_bool := app_private.import_boolean(v_text);
      if v_text is not null and v_bool is null then
        row_errors := row_errors || jsonb_build_object('field', 'is_stock', 'message', 'yes or no (是/否, 1/0, true/false)');
      end if;
      -- Category: an existing category's code or name; other text is kept as the free-text category.
      v_category_text := app_private.import_text(r, 'category');
      v_category := (select c.id from public.item_categories c where c.tenant_id = tenant
                     and (c.code = v_category_text or c.name = v_category_text) order by c.code = v_category_text desc limit 1);
      v_supplier := null;
      v_text := app_private.import_text(r, 'preferred_supplier');
      if v_text is not null then
        select p.id into v_supplier from public.parties p where p.tenant_id = tenant and p.code = v_text and p.is_supplier;
        if v_supplier is null then
          row_errors := row_errors || jsonb_build_object('field', 'preferred_supplier', 'message', format('no supplier with code %s', v_text));
        end if;
      end if;
      -- Units: [{unit, factor}] or "箱=12; 托=480".
      units := case
        when jsonb_typeof(r -> 'units') = 'array' then r -> 'units'
        when jsonb_typeof(r -> 'units') = 'string' then (
          select coalesce(jsonb_agg(jsonb_build_object('unit', btrim(split_part(x, '=', 1)), 'factor', btrim(split_part(x, '=', 2)))), '[]')
          from regexp_split_to_table(r ->> 'units', '[;；,，]') x where btrim(x) <> '')
        else '[]' end;
      for u in select * from jsonb_array_elements(units) loop
        v_num := app_private.import_numeric(u ->> 'factor');
        if nullif(btrim(u ->> 'unit'), '') is null or v_num is null or v_num <= 0 or v_num <> round(v_num, 6) then
          row_errors := row_errors || jsonb_build_object('field', 'units', 'message',
            format('"%s": a unit name and a factor above zero, e.g. 箱=12', coalesce(u ->> 'unit', '') || '=' || coalesce(u ->> 'factor', '')));
        end if;
      end loop;

      if jsonb_array_length(row_errors) = 0 then
        begin
          insert into public.items (tenant_id, sku, barcode, name, spec, unit, category, category_id, tax_classification_code,
            output_tax_code, input_tax_code, sale_price, purchase_price, is_stock, reorder_point, reorder_quantity,
            safety_stock, preferred_supplier_id)
          values (tenant, v_sku, app_private.import_text(r, 'barcode'), v_name, app_private.import_text(r, 'spec'), v_unit,
            v_category_text, v_category, app_private.import_text(r, 'tax_classification_code'),
            upper(app_private.import_text(r, 'output_tax_code')), upper(app_private.import_text(r, 'input_tax_code')),
            (nums ->> 'sale_price')::numeric, (nums ->> 'purchase_price')::numeric, coalesce(v_bool, true),
            (nums ->> 'reorder_point')::numeric, (nums ->> 'reorder_quantity')::numeric,
            coalesce((nums ->> 'safety_stock')::numeric, 0), v_supplier)
          returning id into item;
          insert into public.item_units (tenant_id, item_id, unit, factor)
          select tenant, item, btrim(x ->> 'unit'), app_private.import_numeric(x ->> 'factor') from jsonb_array_elements(units) x;
          valid := valid + 1;
        exception when others then
          get stacked diagnostics e_hint = pg_exception_hint, e_col = column_name, e_con = constraint_name, e_msg = message_text;
          row_errors := row_errors || jsonb_build_object('field',
            coalesce(app_private.import_field(e_hint, e_col, e_con, 'items'),
                     case when e_con like 'item_units%' then 'units' end), 'message', e_msg);
        end;
      end if;
      errors := errors || (select coalesce(jsonb_agg(jsonb_build_object('row', rowno) || x), '[]')
                           from jsonb_array_elements(row_errors) x);
    end loop;
    if p_dry_run or jsonb_array_length(errors) > 0 then
      raise exception using errcode = 'TR612', message = 'import rolled back';
    end if;
    inserted := valid;
  exception when sqlstate 'TR612' then
    inserted := 0;
  end;
  return jsonb_build_object('ok', jsonb_array_length(errors) = 0, 'dry_run', p_dry_run,
    'rows', jsonb_array_length(p_rows), 'valid', valid, 'inserted', inserted, 'errors', errors);
end
$$;
comment on function public.import_products(jsonb, boolean) is
  'Imports products from rows {sku, name, barcode, spec, unit, category, tax_classification_code, output_tax_code, '
  'input_tax_code, sale_price, purchase_price, is_stock, reorder_point, reorder_quantity, safety_stock, '
  'preferred_supplier (supplier code), units ([{unit, factor}] or "箱=12"), _row}: validates every row and, unless '
  'p_dry_run or a row failed, inserts all of them. Answers {ok, dry_run, rows, valid, inserted, errors[{row, field, message}]}. '
  'Existing SKUs are errors (no upsert). Right: items:create';

revoke all on function app_private.import_numeric(text), app_private.import_boolean(text),
  app_private.import_field(text, text, text, text), app_private.import_text(jsonb, text), app_private.import_tags(jsonb),
  app_private.import_check_payload(jsonb), app_private.import_parties(jsonb, boolean, boolean),
  app_private.import_member_by_email(uuid, text) from public;
grant execute on function app_private.import_numeric(text), app_private.import_boolean(text),
  app_private.import_field(text, text, text, text), app_private.import_text(jsonb, text), app_private.import_tags(jsonb),
  app_private.import_check_payload(jsonb), app_private.import_parties(jsonb, boolean, boolean),
  app_private.import_member_by_email(uuid, text) to authenticated, service_role;
revoke execute on function public.import_customers(jsonb, boolean), public.import_suppliers(jsonb, boolean),
  public.import_products(jsonb, boolean) from public, anon;
grant execute on function public.import_customers(jsonb, boolean), public.import_suppliers(jsonb, boolean),
  public.import_products(jsonb, boolean) to authenticated;
