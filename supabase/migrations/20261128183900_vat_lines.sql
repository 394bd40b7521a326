-- The one VAT rule for a document line (shared/domain/ACCOUNTING.md): round per line, document totals
-- are sums of rounded lines (as on the 数电发票).
--   tax-inclusive price: gross = round(quantity × price, 2) − discount; 金额 = round(gross / (1 + rate), 2);
--                        税额 = gross − 金额
--   tax-exclusive price: 金额 = round(quantity × price, 2) − discount; 税额 = round(金额 × rate, 2)
-- The discount is an amount off the line, on the same side of tax as the price.
-- Stable error code: TR311 invalid line for VAT (names the argument in the hint).

create function public.vat_line(
  p_quantity numeric,
  p_unit_price numeric,
  p_rate numeric,
  p_tax_inclusive boolean default true,
  p_discount numeric default 0
) returns table (amount numeric(18, 2), tax numeric(18, 2), total numeric(18, 2))
language plpgsql immutable set search_path = ''
as $$
declare
  gross numeric;
begin
  if p_quantity is null then
    raise exception using errcode = 'TR311', message = 'quantity is required', hint = 'quantity';
  end if;
  if p_unit_price is null or p_unit_price < 0 then
    raise exception using errcode = 'TR311', message = 'unit price must be zero or more', hint = 'unit_price';
  end if;
  if p_rate is null or p_rate < 0 or p_rate >= 1 then
    raise exception using errcode = 'TR311', message = 'tax rate must be from 0 to below 1', hint = 'tax_rate';
  end if;
  gross := round(p_quantity * p_unit_price, 2) - coalesce(p_discount, 0);
  if coalesce(p_discount, 0) < 0 or (p_quantity >= 0 and gross < 0) then
    raise exception using errcode = 'TR311', message = 'discount must be from zero to the line''s value',
      hint = 'discount';
  end if;
  if coalesce(p_tax_inclusive, true) then
    amount := round(gross / (1 + p_rate), 2);
    tax := gross - amount;
  else
    amount := gross;
    tax := round(gross * p_rate, 2);
  end if;
  total := amount + tax;
  return next;
end
$$;
comment on function public.vat_line(numeric, numeric, numeric, boolean, numeric) is
  'VAT of one line, rounded per line: 金额 (amount), 税额 (tax) and 价税合计 (total) from quantity, unit price, '
  'rate, whether the price includes tax, and a discount amount';
