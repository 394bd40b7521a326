-- Approval chains (审批流, issue 5): chains configured as data per company, and an engine that runs them
-- over any document, enforced in the database whatever the client.
--
-- The engine is generic over (doc_type, doc_id). A module whose documents need approval:
--   1. registers its type: a row in app_private.approval_doc_templates (doc_type, name, and, if the
--      engine should write the approval status back, the table and its status column) and a row in
--      public.approval_doc_types for every existing company (new companies get the templates);
--   2. submits from its own SQL function: app_private.submit_approval(tenant, doc_type, doc_id, facts,
--      requester), where facts is a jsonb object of the document's facts (amount, department_id,
--      party_id, title and any other field chains may test), built from the row the same way every time
--      (to_jsonb of the row's columns: its hash is compared later). It writes the approval tables, so
--      only SECURITY DEFINER functions that checked the caller's rights call it (not granted to API roles);
--   3. before confirming or posting, calls app_private.assert_approved(tenant, doc_type, doc_id, facts)
--      (TR505 not approved, TR506 changed since approval), and from its edit guard
--      app_private.assert_editable(tenant, doc_type, doc_id) (TR507 under approval); both may be called
--      from triggers running as the person (granted to authenticated);
--   4. may add `app_private.is_pending_approver(tenant_id, '<doc_type>', id)` to an extra select policy
--      so that approvers read the documents waiting for them even without the module's read right.
-- The OA requests of this migration (leave, expense claim, contract/seal, generic request) are built on
-- exactly these pieces.
--
-- Decisions worth knowing:
-- * Chain selection: among the company's active chains of the document type whose criteria all hold,
--   the most specific wins: most criteria set (min amount, max amount, department, party, each
--   condition count one each), then the deeper department, then the higher priority, then the oldest.
--   Amount ranges are [min, max). A department criterion matches the department and its sub-departments.
--   No match: no approval needed (the submission is approved at once, recorded as auto_approved),
--   unless approval_settings.require_approval_without_chain says otherwise (TR503).
-- * Conditions are data, never code: a jsonb array of {field, op, value} on top-level facts, with op
--   eq, ne, gt, gte, lt, lte, in, not_in, contains, is_set, is_not_set. A number value compares
--   numerically, anything else as text. They are validated when saved (TR500, hint conditions).
-- * Approvers of a step: any mix of a person, a role (its members at submission), the requester's
--   department manager, the manager N levels up (the Nth distinct manager above the requester along
--   the department's parents; departments without a manager, or managed by the requester, are
--   skipped). The requester's department is their membership's, else the facts' department_id.
--   OA requests carry the requester's department, set by the database (not chosen by the requester,
--   who could otherwise pick the most lenient chain).
--   Unless self-approval is allowed, the requester is left out of every step; a step left without
--   approver refuses the submission (TR502), so nothing is ever approved by nobody.
-- * Snapshot: submitting resolves every step's approvers into approval_instance_steps (and the chain
--   into chain_snapshot); later edits of the chain do not touch running approvals.
-- * Step modes: any (或签: the first decision, approve or reject, decides the step), all (会签: all must
--   approve, one rejection rejects), vote (vote_threshold approvals pass the step; it is rejected as
--   soon as the threshold can no longer be reached).
-- * Actions (all through SECURITY DEFINER functions that lock the instance row first, so two actions
--   on one document serialize; the loser of a race on a one-of step gets TR509 "already decided"):
--   approve, reject (back to the requester: the instance ends rejected, the requester may resubmit),
--   return to an earlier step (its approvers act again), transfer (转交: the task passes to another
--   member), add a signer (加签: a one-person step is inserted right after the current one), comment;
--   withdraw by the requester before the first decision. A task is acted on once. Administrators
--   (approval_chains:update) may reassign a waiting task (its approver left) but not decide it.
-- * Delegation: a person names a substitute for a date range (Asia/Shanghai days), optionally for some
--   document types; the substitute acts on the person's tasks "on behalf of" them (acted_by and
--   on_behalf_of on the task and in the history).
-- * A document that is changed after approval needs approval again: approval stores the hash of the
--   facts approved (numbers normalised: 100 and 100.00 hash alike); assert_approved compares it with
--   the document's current facts. OA requests: an approved leave, seal or generic request that is
--   edited goes back to draft; an approved expense claim cannot be edited (the ledger posts it).
-- * approval_preview(doc_type, facts) shows a person the chain and approvers before submitting.
-- * Every company gets inactive chain templates (审批模板, names ending in "(模板)") for the built-in
--   types, to check and switch on.
-- * Inbox: approval_tasks is in the supabase_realtime publication; RLS shows a person their own tasks
--   (and those they act on as a substitute), so new tasks arrive live.
-- * Copy-to (抄送) people get a task of kind 'copy' at submission (never actionable) and may read.
--
-- Stable error codes (SQLSTATE; the hint names the field):
--   TR500 invalid chain definition (conditions, steps, approvers)   TR501 unknown document type
--   TR502 a step has no approver                                     TR503 no chain matches: approval required
--   TR504 already under approval or approved                         TR505 document not approved
--   TR506 document changed since its approval                        TR507 document under approval: not editable
--   TR508 not an approver of the current step                        TR509 already decided
--   TR510 self-approval not allowed                                  TR511 too late to withdraw
--   TR512 invalid step to return to                                  TR513 invalid person to transfer to / add
--   TR514 invalid delegation                                         TR515 invalid request field
--   TR516 not the requester                                          TR517 approved expense claim is final
--   TR518 document not found                                         TR519 invalid analysis grouping

-- ───────────────────────────── types ─────────────────────────────
create type public.approval_step_mode as enum ('any', 'all', 'vote');
comment on type public.approval_step_mode is '或签 any (one decides), 会签 all (everyone approves), vote (a threshold of approvals)';
create type public.approver_kind as enum ('person', 'role', 'department_manager', 'manager_up');
comment on type public.approver_kind is
  'A person, the members of a role, the requester''s department manager, or the manager N levels up';
create type public.approval_status as enum ('pending', 'approved', 'rejected', 'withdrawn');
comment on type public.approval_status is 'State of one submission: 审批中 pending, 已通过 approved, 已驳回 rejected, 已撤回 withdrawn';
create type public.approval_step_status as enum ('waiting', 'active', 'approved', 'rejected');
create type public.approval_task_kind as enum ('approve', 'copy');
create type public.approval_task_status as enum
  ('pending', 'approved', 'rejected', 'returned', 'transferred', 'cancelled', 'copied');
comment on type public.approval_task_status is
  'pending (to do), approved, rejected, returned (to an earlier step), transferred (转交), cancelled '
  '(decided by others or withdrawn), copied (抄送, nothing to do)';
create type public.oa_status as enum ('draft', 'pending', 'approved', 'rejected', 'withdrawn');
comment on type public.oa_status is '草稿 draft, 审批中 pending, 已通过 approved, 已驳回 rejected, 已撤回 withdrawn';
create type public.leave_type as enum
  ('annual', 'sick', 'personal', 'marriage', 'maternity', 'paternity', 'bereavement', 'compensatory', 'other');
comment on type public.leave_type is
  '年假 annual, 病假 sick, 事假 personal, 婚假 marriage, 产假 maternity, 陪产假 paternity, 丧假 bereavement, 调休 compensatory, other';
create type public.invoice_kind as enum ('none', 'ordinary', 'special');
comment on type public.invoice_kind is '无票 none, 增值税普通发票 ordinary (普票), 增值税专用发票 special (专票)';
create type public.seal_type as enum ('company', 'contract', 'finance', 'legal_representative', 'invoice');
comment on type public.seal_type is '公章 company, 合同章 contract, 财务章 finance, 法人章 legal_representative, 发票章 invoice';

-- ───────────────────────────── document types ─────────────────────────────
-- Built-in document types (copied into every company); table/status_column: where the engine writes
-- the approval status back (null: the owning module reads approval_instances itself).
create table app_private.approval_doc_templates (
  doc_type text primary key,
  name text not null,
  position smallint not null,
  doc_table regclass,
  status_column text
);
comment on table app_private.approval_doc_templates is
  'Approvable document types copied into new companies, and where the engine writes the approval status';
revoke all on app_private.approval_doc_templates from public;

create table public.approval_doc_types (
  tenant_id uuid not null references public.tenants (id) on delete cascade,
  doc_type text not null check (doc_type ~ '^[a-z][a-z0-9_]{1,39}$'),
  name text not null check (char_length(btrim(name)) between 1 and 100),
  builtin boolean not null default false,
  active boolean not null default true,
  created_at timestamptz not null default now(),
  primary key (tenant_id, doc_type)
);
comment on table public.approval_doc_types is
  'Document types that can go through approval (单据类型); a company adds its own for generic requests';
comment on column public.approval_doc_types.doc_type is 'Key (lower case, e.g. business_trip)';
comment on column public.approval_doc_types.name is 'Name';
comment on column public.approval_doc_types.builtin is 'Provided by Troika (cannot be deleted)';
comment on column public.approval_doc_types.active is 'In use';
revoke insert, update on public.approval_doc_types from authenticated;
grant insert (tenant_id, doc_type, name, active) on public.approval_doc_types to authenticated;
grant update (name, active) on public.approval_doc_types to authenticated;

create function app_private.approval_doc_types_guard() returns trigger
language plpgsql set search_path = ''
as $$
begin
  if old.builtin then
    raise exception using errcode = 'TR501', message = 'built-in document types cannot be deleted (deactivate them)',
      hint = 'doc_type';
  end if;
  return old;
end
$$;
create trigger approval_doc_types_guard before delete on public.approval_doc_types
  for each row execute function app_private.approval_doc_types_guard();

-- ───────────────────────────── settings ─────────────────────────────
create table public.approval_settings (
  id uuid primary key default gen_random_uuid(),
  tenant_id uuid not null unique references public.tenants (id) on delete cascade,
  allow_self_approval boolean not null default false,
  require_approval_without_chain boolean not null default false,
  overdue_hours int not null default 48 check (overdue_hours between 1 and 8760),
  updated_at timestamptz not null default now()
);
comment on table public.approval_settings is 'Approval settings of a company';
comment on column public.approval_settings.allow_self_approval is 'A requester may approve their own request';
comment on column public.approval_settings.require_approval_without_chain is
  'Documents that match no chain cannot be submitted (instead of being approved at once)';
comment on column public.approval_settings.overdue_hours is 'A task waiting longer than this many hours is overdue';
revoke update on public.approval_settings from authenticated;
grant update (allow_self_approval, require_approval_without_chain, overdue_hours) on public.approval_settings to authenticated;
create trigger approval_settings_touch before update on public.approval_settings
  for each row execute function public.touch_updated_at();

-- ───────────────────────────── chains ─────────────────────────────
create table public.approval_chains (
  id uuid primary key default gen_random_uuid(),
  tenant_id uuid not null references public.tenants (id) on delete cascade,
  doc_type text not null,
  name text not null check (char_length(btrim(name)) between 1 and 100),
  min_amount numeric(18, 2) check (min_amount is null or min_amount >= 0),
  max_amount numeric(18, 2) check (max_amount is null or max_amount > 0),
  department_id uuid,
  party_id uuid,
  conditions jsonb not null default '[]',
  priority int not null default 0,
  active boolean not null default true,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  unique (tenant_id, id),
  foreign key (tenant_id, doc_type) references public.approval_doc_types (tenant_id, doc_type) on delete cascade,
  foreign key (tenant_id, department_id) references public.departments (tenant_id, id) on delete cascade,
  foreign key (tenant_id, party_id) references public.parties (tenant_id, id) on delete cascade,
  check (min_amount is null or max_amount is null or max_amount > min_amount)
);
comment on table public.approval_chains is
  'Approval chains (审批流程): which documents they apply to and, in approval_chain_steps, who approves';
comment on column public.approval_chains.doc_type is 'Document type';
comment on column public.approval_chains.name is 'Name';
comment on column public.approval_chains.min_amount is 'Applies from this amount (inclusive); empty: no lower bound';
comment on column public.approval_chains.max_amount is 'Applies below this amount; empty: no upper bound';
comment on column public.approval_chains.department_id is 'Applies to this department and its sub-departments';
comment on column public.approval_chains.party_id is 'Applies to documents of this customer or supplier';
comment on column public.approval_chains.conditions is
  'Further conditions: [{"field": "leave_type", "op": "eq", "value": "annual"}, …]; ops eq ne gt gte lt lte in not_in contains is_set is_not_set';
comment on column public.approval_chains.priority is 'Breaks ties between equally specific chains (higher wins)';
comment on column public.approval_chains.active is 'In use';
create index approval_chains_doc_type_idx on public.approval_chains (tenant_id, doc_type);
create index approval_chains_department_idx on public.approval_chains (tenant_id, department_id);
create index approval_chains_party_idx on public.approval_chains (tenant_id, party_id);
create trigger approval_chains_touch before update on public.approval_chains
  for each row execute function public.touch_updated_at();

-- A condition list is data, checked here: no key, operator or value shape outside the small grammar.
create function app_private.approval_conditions_error(p_conditions jsonb) returns text
language plpgsql immutable set search_path = ''
as $$
declare
  c jsonb;
  i int := 0;
begin
  if p_conditions is null or jsonb_typeof(p_conditions) <> 'array' then
    return 'conditions must be a JSON array';
  end if;
  for c in select value from jsonb_array_elements(p_conditions) loop
    i := i + 1;
    if jsonb_typeof(c) <> 'object' then
      return format('condition %s must be an object {field, op, value}', i);
    end if;
    if exists (select 1 from jsonb_object_keys(c) k where k not in ('field', 'op', 'value')) then
      return format('condition %s: only field, op and value are allowed', i);
    end if;
    if coalesce(c ->> 'field', '') !~ '^[a-z_][a-z0-9_]{0,62}$' then
      return format('condition %s: field must be a field name (lower case, digits, _)', i);
    end if;
    if coalesce(c ->> 'op', '') not in ('eq', 'ne', 'gt', 'gte', 'lt', 'lte', 'in', 'not_in', 'contains', 'is_set', 'is_not_set') then
      return format('condition %s: op must be one of eq ne gt gte lt lte in not_in contains is_set is_not_set', i);
    end if;
    if c ->> 'op' in ('is_set', 'is_not_set') then
      continue;
    end if;
    if c ->> 'op' in ('in', 'not_in') then
      if jsonb_typeof(c -> 'value') <> 'array' or jsonb_array_length(c -> 'value') = 0
         or exists (select 1 from jsonb_array_elements(c -> 'value') v where jsonb_typeof(v) not in ('string', 'number', 'boolean')) then
        return format('condition %s: value must be a non-empty array of strings, numbers or booleans', i);
      end if;
    elsif coalesce(jsonb_typeof(c -> 'value'), 'null') not in ('string', 'number', 'boolean') then
      return format('condition %s: value must be a string, number or boolean', i);
    end if;
  end loop;
  return null;
end
$$;

create function app_private.approval_chains_check() returns trigger
language plpgsql set search_path = ''
as $$
declare
  problem text := app_private.approval_conditions_error(new.conditions);
begin
  if problem is not null then
    raise exception using errcode = 'TR500', message = problem, hint = 'conditions';
  end if;
  return new;
end
$$;
create trigger approval_chains_check before insert or update of conditions on public.approval_chains
  for each row execute function app_private.approval_chains_check();

create table public.approval_chain_steps (
  id uuid primary key default gen_random_uuid(),
  tenant_id uuid not null references public.tenants (id) on delete cascade,
  chain_id uuid not null,
  position smallint not null check (position between 1 and 50),
  name text not null check (char_length(btrim(name)) between 1 and 100),
  mode public.approval_step_mode not null default 'any',
  vote_threshold smallint check (vote_threshold is null or vote_threshold >= 1),
  unique (tenant_id, id),
  unique (chain_id, position),
  foreign key (tenant_id, chain_id) references public.approval_chains (tenant_id, id) on delete cascade,
  check ((mode = 'vote') = (vote_threshold is not null))
);
comment on table public.approval_chain_steps is 'Ordered steps of an approval chain (审批节点)';
comment on column public.approval_chain_steps.chain_id is 'Chain';
comment on column public.approval_chain_steps.position is 'Order (1 = first)';
comment on column public.approval_chain_steps.name is 'Name (e.g. 部门经理审批)';
comment on column public.approval_chain_steps.mode is '或签 any, 会签 all, or vote';
comment on column public.approval_chain_steps.vote_threshold is 'Approvals needed (vote steps only)';
-- A step stays in its chain and company: only what it is can change.
revoke update on public.approval_chain_steps from authenticated;
grant update (position, name, mode, vote_threshold) on public.approval_chain_steps to authenticated;
create index approval_chain_steps_chain_idx on public.approval_chain_steps (tenant_id, chain_id);

create table public.approval_step_approvers (
  id uuid primary key default gen_random_uuid(),
  tenant_id uuid not null references public.tenants (id) on delete cascade,
  step_id uuid not null,
  kind public.approver_kind not null,
  user_id uuid,
  role_id uuid,
  levels smallint not null default 1 check (levels between 1 and 10),
  unique (tenant_id, id),
  foreign key (tenant_id, step_id) references public.approval_chain_steps (tenant_id, id) on delete cascade,
  foreign key (tenant_id, user_id) references public.memberships (tenant_id, user_id) on delete cascade,
  foreign key (tenant_id, role_id) references public.roles (tenant_id, id) on delete cascade,
  check ((kind = 'person') = (user_id is not null)),
  check ((kind = 'role') = (role_id is not null))
);
comment on table public.approval_step_approvers is 'Who approves a step: people, roles, managers';
comment on column public.approval_step_approvers.step_id is 'Step';
comment on column public.approval_step_approvers.kind is 'person, role, department_manager or manager_up';
comment on column public.approval_step_approvers.user_id is 'Person (kind person)';
comment on column public.approval_step_approvers.role_id is 'Role (kind role): its members at submission';
comment on column public.approval_step_approvers.levels is 'Manager levels up (kind manager_up; 1 = the department manager)';
revoke update on public.approval_step_approvers from authenticated;
grant update (kind, user_id, role_id, levels) on public.approval_step_approvers to authenticated;
create index approval_step_approvers_step_idx on public.approval_step_approvers (tenant_id, step_id);
create index approval_step_approvers_user_idx on public.approval_step_approvers (tenant_id, user_id);
create index approval_step_approvers_role_idx on public.approval_step_approvers (tenant_id, role_id);

create table public.approval_chain_copies (
  id uuid primary key default gen_random_uuid(),
  tenant_id uuid not null references public.tenants (id) on delete cascade,
  chain_id uuid not null,
  user_id uuid not null,
  unique (chain_id, user_id),
  foreign key (tenant_id, chain_id) references public.approval_chains (tenant_id, id) on delete cascade,
  foreign key (tenant_id, user_id) references public.memberships (tenant_id, user_id) on delete cascade
);
comment on table public.approval_chain_copies is 'People copied (抄送) on every submission of a chain';
comment on column public.approval_chain_copies.chain_id is 'Chain';
comment on column public.approval_chain_copies.user_id is 'Person copied';
revoke update on public.approval_chain_copies from authenticated;
grant update (user_id) on public.approval_chain_copies to authenticated;
create index approval_chain_copies_chain_idx on public.approval_chain_copies (tenant_id, chain_id);
create index approval_chain_copies_user_idx on public.approval_chain_copies (tenant_id, user_id);

-- ───────────────────────────── running approvals ─────────────────────────────
-- Written only by the engine's functions: the API reads them (RLS: participants) and acts through RPCs.
create table public.approval_instances (
  id uuid primary key default gen_random_uuid(),
  tenant_id uuid not null references public.tenants (id) on delete cascade,
  doc_type text not null,
  doc_id uuid not null,
  requester_id uuid not null references auth.users (id) on delete cascade,
  title text,
  amount numeric(18, 2),
  chain_id uuid,
  chain_snapshot jsonb,
  facts jsonb not null,
  facts_hash text not null,
  status public.approval_status not null default 'pending',
  current_step smallint,
  submitted_at timestamptz not null default now(),
  decided_at timestamptz,
  unique (tenant_id, id),
  foreign key (tenant_id, doc_type) references public.approval_doc_types (tenant_id, doc_type) on delete restrict,
  foreign key (tenant_id, chain_id) references public.approval_chains (tenant_id, id) on delete set null (chain_id)
);
comment on table public.approval_instances is 'One submission of a document for approval (审批单), with the chain as it was';
comment on column public.approval_instances.doc_type is 'Document type';
comment on column public.approval_instances.doc_id is 'Document';
comment on column public.approval_instances.requester_id is 'Requester (发起人)';
comment on column public.approval_instances.title is 'Title';
comment on column public.approval_instances.amount is 'Amount';
comment on column public.approval_instances.chain_id is 'Chain applied (empty: none matched, approved at once)';
comment on column public.approval_instances.chain_snapshot is 'The chain as it was at submission';
comment on column public.approval_instances.facts is 'The document''s facts at submission';
comment on column public.approval_instances.facts_hash is 'Hash of the facts (an approved document whose facts change needs approval again)';
comment on column public.approval_instances.status is 'Status';
comment on column public.approval_instances.current_step is 'Step waiting for a decision';
comment on column public.approval_instances.submitted_at is 'Submitted at';
comment on column public.approval_instances.decided_at is 'Decided at';
revoke insert, update, delete on public.approval_instances from authenticated;
create unique index approval_instances_one_pending on public.approval_instances (tenant_id, doc_type, doc_id)
  where status = 'pending';
create index approval_instances_doc_idx on public.approval_instances (tenant_id, doc_type, doc_id, submitted_at desc);
create index approval_instances_requester_idx on public.approval_instances (requester_id, status);
create index approval_instances_chain_idx on public.approval_instances (tenant_id, chain_id);

create table public.approval_instance_steps (
  id uuid primary key default gen_random_uuid(),
  tenant_id uuid not null references public.tenants (id) on delete cascade,
  instance_id uuid not null,
  position smallint not null,
  name text not null,
  mode public.approval_step_mode not null,
  vote_threshold smallint,
  assignees uuid[] not null,
  status public.approval_step_status not null default 'waiting',
  round smallint not null default 0,
  activated_at timestamptz,
  decided_at timestamptz,
  unique (tenant_id, id),
  -- deferrable: adding a signer shifts the later steps by one in a single statement
  constraint approval_instance_steps_position_key unique (instance_id, position) deferrable initially immediate,
  foreign key (tenant_id, instance_id) references public.approval_instances (tenant_id, id) on delete cascade
);
comment on table public.approval_instance_steps is 'The steps of one submission, approvers resolved at submission';
comment on column public.approval_instance_steps.instance_id is 'Submission';
comment on column public.approval_instance_steps.position is 'Order';
comment on column public.approval_instance_steps.name is 'Name';
comment on column public.approval_instance_steps.mode is 'any, all or vote';
comment on column public.approval_instance_steps.vote_threshold is 'Approvals needed (vote)';
comment on column public.approval_instance_steps.assignees is 'Approvers';
comment on column public.approval_instance_steps.status is 'waiting, active, approved or rejected';
comment on column public.approval_instance_steps.round is 'How many times the step was started (returns start it again)';
comment on column public.approval_instance_steps.activated_at is 'Started at';
comment on column public.approval_instance_steps.decided_at is 'Decided at';
revoke insert, update, delete on public.approval_instance_steps from authenticated;
create index approval_instance_steps_instance_idx on public.approval_instance_steps (tenant_id, instance_id);

create table public.approval_tasks (
  id uuid primary key default gen_random_uuid(),
  tenant_id uuid not null references public.tenants (id) on delete cascade,
  instance_id uuid not null,
  step_id uuid,
  doc_type text not null,
  doc_id uuid not null,
  kind public.approval_task_kind not null,
  assignee_id uuid not null references auth.users (id) on delete cascade,
  round smallint not null,
  status public.approval_task_status not null,
  acted_by uuid,
  on_behalf_of uuid,
  acted_at timestamptz,
  comment text check (comment is null or char_length(comment) <= 2000),
  transferred_from uuid,
  created_at timestamptz not null default now(),
  unique (tenant_id, id),
  foreign key (tenant_id, instance_id) references public.approval_instances (tenant_id, id) on delete cascade,
  foreign key (tenant_id, step_id) references public.approval_instance_steps (tenant_id, id) on delete cascade,
  foreign key (tenant_id, transferred_from) references public.approval_tasks (tenant_id, id) on delete set null (transferred_from),
  check ((kind = 'copy') = (step_id is null))
);
comment on table public.approval_tasks is 'Approval tasks (待办) and copies (抄送) of people: the inbox';
comment on column public.approval_tasks.instance_id is 'Submission';
comment on column public.approval_tasks.step_id is 'Step';
comment on column public.approval_tasks.doc_type is 'Document type';
comment on column public.approval_tasks.doc_id is 'Document';
comment on column public.approval_tasks.kind is 'approve (to decide) or copy (抄送, to read)';
comment on column public.approval_tasks.assignee_id is 'Approver';
comment on column public.approval_tasks.round is 'Round of the step';
comment on column public.approval_tasks.status is 'Status';
comment on column public.approval_tasks.acted_by is 'Acted by (a substitute when on behalf of the approver)';
comment on column public.approval_tasks.on_behalf_of is 'On behalf of (delegation)';
comment on column public.approval_tasks.acted_at is 'Acted at';
comment on column public.approval_tasks.comment is 'Comment';
comment on column public.approval_tasks.transferred_from is 'Task transferred to this one';
comment on column public.approval_tasks.created_at is 'Assigned at';
revoke insert, update, delete on public.approval_tasks from authenticated;
-- Once each: one open task per person and step round.
create unique index approval_tasks_once on public.approval_tasks (step_id, round, assignee_id)
  where kind = 'approve' and status = 'pending';
create index approval_tasks_assignee_idx on public.approval_tasks (assignee_id, status);
create index approval_tasks_instance_idx on public.approval_tasks (tenant_id, instance_id);
create index approval_tasks_step_idx on public.approval_tasks (tenant_id, step_id);
create index approval_tasks_transferred_idx on public.approval_tasks (tenant_id, transferred_from);
create index approval_tasks_doc_idx on public.approval_tasks (tenant_id, doc_type, doc_id);
create index approval_tasks_acted_by_idx on public.approval_tasks (acted_by);
alter publication supabase_realtime add table public.approval_tasks;

-- The history (审批记录), append-only. Person ids are kept as facts even after someone leaves.
create table public.approval_actions (
  id bigint generated always as identity primary key,
  tenant_id uuid not null references public.tenants (id) on delete cascade,
  instance_id uuid not null,
  task_id uuid,
  step_position smallint,
  action text not null check (action in ('submitted', 'auto_approved', 'approved', 'rejected', 'returned',
    'transferred', 'added_signer', 'commented', 'withdrawn')),
  actor_id uuid,
  on_behalf_of uuid,
  target_user_id uuid,
  comment text check (comment is null or char_length(comment) <= 2000),
  at timestamptz not null default clock_timestamp(),
  foreign key (tenant_id, instance_id) references public.approval_instances (tenant_id, id) on delete cascade,
  foreign key (tenant_id, task_id) references public.approval_tasks (tenant_id, id) on delete cascade
);
comment on table public.approval_actions is 'What happened to a submission, who did it and on whose behalf (审批记录)';
comment on column public.approval_actions.instance_id is 'Submission';
comment on column public.approval_actions.task_id is 'Task';
comment on column public.approval_actions.step_position is 'Step';
comment on column public.approval_actions.action is 'What happened';
comment on column public.approval_actions.actor_id is 'Who';
comment on column public.approval_actions.on_behalf_of is 'On whose behalf (delegation)';
comment on column public.approval_actions.target_user_id is 'To whom (transfer, added signer)';
comment on column public.approval_actions.comment is 'Comment';
comment on column public.approval_actions.at is 'When';
revoke insert, update, delete, truncate on public.approval_actions from authenticated;
create index approval_actions_instance_idx on public.approval_actions (tenant_id, instance_id, at);
create index approval_actions_task_idx on public.approval_actions (tenant_id, task_id);

-- ───────────────────────────── delegation ─────────────────────────────
create table public.approval_delegations (
  id uuid primary key default gen_random_uuid(),
  tenant_id uuid not null references public.tenants (id) on delete cascade,
  person_id uuid not null default auth.uid(),
  substitute_id uuid not null,
  starts_on date not null,
  ends_on date not null,
  doc_types text[] check (doc_types is null or cardinality(doc_types) > 0),
  note text check (note is null or char_length(note) <= 500),
  created_at timestamptz not null default now(),
  unique (tenant_id, id),
  foreign key (tenant_id, person_id) references public.memberships (tenant_id, user_id) on delete cascade,
  foreign key (tenant_id, substitute_id) references public.memberships (tenant_id, user_id) on delete cascade,
  constraint approval_delegations_dates check (starts_on <= ends_on),
  constraint approval_delegations_not_self check (person_id <> substitute_id)
);
comment on table public.approval_delegations is 'Substitutes (代理审批): someone acts on a person''s approvals for a date range';
comment on column public.approval_delegations.person_id is 'Approver who is away';
comment on column public.approval_delegations.substitute_id is 'Substitute';
comment on column public.approval_delegations.starts_on is 'From (inclusive)';
comment on column public.approval_delegations.ends_on is 'To (inclusive)';
comment on column public.approval_delegations.doc_types is 'Only these document types (empty: all)';
comment on column public.approval_delegations.note is 'Note';
revoke insert, update on public.approval_delegations from authenticated;
grant insert (tenant_id, substitute_id, starts_on, ends_on, doc_types, note) on public.approval_delegations to authenticated;
grant update (substitute_id, starts_on, ends_on, doc_types, note) on public.approval_delegations to authenticated;
create function app_private.approval_delegations_check() returns trigger
language plpgsql set search_path = ''
as $$
begin
  if new.starts_on > new.ends_on then
    raise exception using errcode = 'TR514', message = 'a delegation ends on or after its first day', hint = 'ends_on';
  end if;
  if new.substitute_id = new.person_id then
    raise exception using errcode = 'TR514', message = 'choose someone else as substitute', hint = 'substitute_id';
  end if;
  if new.doc_types is not null and exists (
    select 1 from unnest(new.doc_types) x(doc_type)
    where not exists (select 1 from public.approval_doc_types d where d.tenant_id = new.tenant_id and d.doc_type = x.doc_type)) then
    raise exception using errcode = 'TR514', message = 'unknown document type in the delegation', hint = 'doc_types';
  end if;
  return new;
end
$$;
create trigger approval_delegations_check before insert or update on public.approval_delegations
  for each row execute function app_private.approval_delegations_check();
create index approval_delegations_person_idx on public.approval_delegations (tenant_id, person_id, starts_on);
create index approval_delegations_substitute_idx on public.approval_delegations (tenant_id, substitute_id);

-- ───────────────────────────── predicates (also for other modules' policies) ─────────────────────────────
create function app_private.shanghai_today() returns date
language sql stable set search_path = ''
as $$
  select (now() at time zone 'Asia/Shanghai')::date
$$;

create function app_private.approval_settings_of(p_tenant uuid) returns public.approval_settings
language sql stable security definer set search_path = ''
as $$
  select coalesce(
    (select s from public.approval_settings s where s.tenant_id = p_tenant),
    row(null, p_tenant, false, false, 48, now())::public.approval_settings)
$$;

-- Does the caller stand in for this person today (for this document type)?
create function app_private.acts_for(p_tenant uuid, p_person uuid, p_doc_type text) returns boolean
language sql stable security definer set search_path = ''
as $$
  select exists (
    select 1 from public.approval_delegations d
    where d.tenant_id = p_tenant and d.person_id = p_person and d.substitute_id = auth.uid()
      and app_private.shanghai_today() between d.starts_on and d.ends_on
      and (d.doc_types is null or p_doc_type = any (d.doc_types))
  )
$$;
comment on function app_private.acts_for(uuid, uuid, text) is
  'Is the caller the person''s substitute today for this document type?';

create function app_private.is_pending_approver(p_tenant uuid, p_doc_type text, p_doc_id uuid) returns boolean
language sql stable security definer set search_path = ''
as $$
  select exists (
    select 1 from public.approval_tasks t
    join public.approval_instances i on i.id = t.instance_id and i.status = 'pending'
    where t.tenant_id = p_tenant and t.doc_type = p_doc_type and t.doc_id = p_doc_id
      and t.kind = 'approve' and t.status = 'pending'
      and (t.assignee_id = auth.uid() or app_private.acts_for(p_tenant, t.assignee_id, p_doc_type))
  )
$$;
comment on function app_private.is_pending_approver(uuid, text, uuid) is
  'Is a decision on this document waiting for the caller (or the person they substitute)? For select policies';

-- Approvers who acted, people copied and substitutes: those who may read a document besides its owners.
create function app_private.is_approval_participant(p_tenant uuid, p_doc_type text, p_doc_id uuid) returns boolean
language sql stable security definer set search_path = ''
as $$
  select exists (
    select 1 from public.approval_tasks t
    where t.tenant_id = p_tenant and t.doc_type = p_doc_type and t.doc_id = p_doc_id
      and (t.assignee_id = auth.uid() or t.acted_by = auth.uid()
           or (t.status = 'pending' and app_private.acts_for(p_tenant, t.assignee_id, p_doc_type)))
  )
$$;
comment on function app_private.is_approval_participant(uuid, text, uuid) is
  'Has the caller a task (to do, done or copied) on this document? For select policies';

create function app_private.is_instance_participant(p_instance uuid) returns boolean
language sql stable security definer set search_path = ''
as $$
  select exists (
    select 1 from public.approval_tasks t
    where t.instance_id = p_instance
      and (t.assignee_id = auth.uid() or t.acted_by = auth.uid()
           or (t.status = 'pending' and app_private.acts_for(t.tenant_id, t.assignee_id, t.doc_type)))
  )
$$;

-- ───────────────────────────── chain matching ─────────────────────────────
create function app_private.fact_numeric(p_value jsonb) returns numeric
language sql immutable set search_path = ''
as $$
  select case
    when jsonb_typeof(p_value) = 'number' then (p_value #>> '{}')::numeric
    when jsonb_typeof(p_value) = 'string' and (p_value #>> '{}') ~ '^\s*-?[0-9]+(\.[0-9]+)?\s*$'
      then (p_value #>> '{}')::numeric
  end
$$;

create function app_private.approval_condition_holds(p_cond jsonb, p_facts jsonb) returns boolean
language plpgsql immutable set search_path = ''
as $$
declare
  op text := p_cond ->> 'op';
  v jsonb := p_cond -> 'value';
  f jsonb := p_facts -> (p_cond ->> 'field');
  present boolean := f is not null and jsonb_typeof(f) <> 'null';
  fnum numeric;
  vnum numeric;
  ftext text;
begin
  if op = 'is_set' then
    return present;
  elsif op = 'is_not_set' then
    return not present;
  elsif not present then
    return op in ('ne', 'not_in');
  end if;
  ftext := case when jsonb_typeof(f) = 'string' then f #>> '{}' else f::text end;
  if op in ('in', 'not_in') then
    return (exists (
      select 1 from jsonb_array_elements(v) e
      where case when jsonb_typeof(e) = 'number' then app_private.fact_numeric(f) = (e #>> '{}')::numeric
                 else ftext = (e #>> '{}') end
    )) = (op = 'in');
  end if;
  if op = 'contains' then
    return position(lower(v #>> '{}') in lower(ftext)) > 0;
  end if;
  if jsonb_typeof(v) = 'number' then
    fnum := app_private.fact_numeric(f);
    vnum := (v #>> '{}')::numeric;
    if fnum is null then
      return op = 'ne';
    end if;
    return case op when 'eq' then fnum = vnum when 'ne' then fnum <> vnum when 'gt' then fnum > vnum
                   when 'gte' then fnum >= vnum when 'lt' then fnum < vnum when 'lte' then fnum <= vnum end;
  end if;
  return case op when 'eq' then ftext = (v #>> '{}') when 'ne' then ftext <> (v #>> '{}')
                 when 'gt' then ftext > (v #>> '{}') when 'gte' then ftext >= (v #>> '{}')
                 when 'lt' then ftext < (v #>> '{}') when 'lte' then ftext <= (v #>> '{}') end;
end
$$;

create function app_private.department_depth(p_tenant uuid, p_department uuid) returns int
language sql stable set search_path = ''
as $$
  with recursive up(id, parent_id, depth) as (
    select d.id, d.parent_id, 0 from public.departments d where d.tenant_id = p_tenant and d.id = p_department
    union all
    select d.id, d.parent_id, up.depth + 1 from public.departments d join up on d.id = up.parent_id
    where up.depth < 50
  )
  select coalesce(max(depth), 0) from up
$$;

-- The hash of a document's facts, numbers normalised (100, 100.0 and 100.00 hash alike), so that a
-- module building its facts from a numeric(18,2) column or from a computed sum gets the same hash.
create function app_private.facts_normalised(p_value jsonb) returns jsonb
language sql immutable set search_path = ''
as $$
  select case jsonb_typeof(p_value)
    when 'number' then to_jsonb(trim_scale((p_value #>> '{}')::numeric))
    when 'object' then (select coalesce(jsonb_object_agg(k, app_private.facts_normalised(v)), '{}')
                        from jsonb_each(p_value) as e(k, v))
    when 'array' then (select coalesce(jsonb_agg(app_private.facts_normalised(v) order by n), '[]')
                       from jsonb_array_elements(p_value) with ordinality as e(v, n))
    else p_value
  end
$$;

create function app_private.facts_hash(p_facts jsonb) returns text
language sql immutable set search_path = ''
as $$
  select md5(app_private.facts_normalised(p_facts)::text)
$$;

-- The chain for a document's facts (null: none matches). See the top of this file for the rule.
create function app_private.approval_match_chain(p_tenant uuid, p_doc_type text, p_facts jsonb) returns uuid
language sql stable security definer set search_path = ''
as $$
  with recursive dept(id, parent_id, depth) as (
    select d.id, d.parent_id, 0 from public.departments d
    where d.tenant_id = p_tenant and d.id::text = p_facts ->> 'department_id'
    union all
    select d.id, d.parent_id, dept.depth + 1 from public.departments d join dept on d.id = dept.parent_id
    where dept.depth < 50
  ),
  amount(v) as (select app_private.fact_numeric(p_facts -> 'amount'))
  select c.id
  from public.approval_chains c, amount
  where c.tenant_id = p_tenant and c.doc_type = p_doc_type and c.active
    and (c.min_amount is null or amount.v >= c.min_amount)
    and (c.max_amount is null or amount.v < c.max_amount)
    and (c.party_id is null or c.party_id::text = p_facts ->> 'party_id')
    and (c.department_id is null or c.department_id in (select dept.id from dept))
    and not exists (select 1 from jsonb_array_elements(c.conditions) k
                    where not app_private.approval_condition_holds(k, p_facts))
  order by (c.min_amount is not null)::int + (c.max_amount is not null)::int + (c.department_id is not null)::int
           + (c.party_id is not null)::int + jsonb_array_length(c.conditions) desc,
    case when c.department_id is null then 0 else app_private.department_depth(p_tenant, c.department_id) end desc,
    c.priority desc, c.created_at, c.id
  limit 1
$$;

-- The Nth distinct manager above a person along their department's parents (departments without a
-- manager, or managed by the person, are skipped).
create function app_private.manager_up(p_tenant uuid, p_department uuid, p_person uuid, p_levels int) returns uuid
language plpgsql stable set search_path = ''
as $$
declare
  d record;
  dept uuid := p_department;
  last uuid;
  found_n int := 0;
  guard int := 0;
begin
  while dept is not null and guard < 50 loop
    guard := guard + 1;
    select x.parent_id, x.manager_id into d from public.departments x where x.tenant_id = p_tenant and x.id = dept;
    exit when not found;
    if d.manager_id is not null and d.manager_id <> p_person and d.manager_id is distinct from last then
      found_n := found_n + 1;
      last := d.manager_id;
      if found_n = p_levels then
        return d.manager_id;
      end if;
    end if;
    dept := d.parent_id;
  end loop;
  return null;
end
$$;

-- ───────────────────────────── the engine ─────────────────────────────
-- Writes the approval status back to the document, where its type says where (see approval_doc_templates);
-- a company's own types are generic requests.
create function app_private.approval_sync_document(p_tenant uuid, p_doc_type text, p_doc_id uuid,
  p_status public.approval_status) returns void
language plpgsql set search_path = ''
as $$
declare
  m record;
begin
  select t.doc_table, t.status_column into m from app_private.approval_doc_templates t
  where t.doc_type = p_doc_type and t.doc_table is not null;
  if found then
    execute format('update %s set %I = %L where tenant_id = $1 and id = $2', m.doc_table, m.status_column, p_status)
      using p_tenant, p_doc_id;
  elsif not exists (select 1 from app_private.approval_doc_templates t where t.doc_type = p_doc_type) then
    update public.general_requests g set status = p_status::text::public.oa_status
    where g.tenant_id = p_tenant and g.id = p_doc_id and g.doc_type = p_doc_type;
  end if;
end
$$;

create function app_private.approval_log(p_instance public.approval_instances, p_task uuid, p_step smallint,
  p_action text, p_actor uuid, p_on_behalf_of uuid, p_target uuid, p_comment text) returns void
language sql set search_path = ''
as $$
  insert into public.approval_actions (tenant_id, instance_id, task_id, step_position, action, actor_id,
    on_behalf_of, target_user_id, comment)
  values (p_instance.tenant_id, p_instance.id, p_task, p_step, p_action, p_actor, p_on_behalf_of, p_target,
    nullif(btrim(p_comment), ''))
$$;

-- Starts a step: a pending task for each of its approvers.
create function app_private.approval_activate_step(p_instance uuid, p_position smallint) returns void
language plpgsql set search_path = ''
as $$
declare
  s public.approval_instance_steps;
begin
  update public.approval_instance_steps st
  set status = 'active', round = st.round + 1, activated_at = clock_timestamp(), decided_at = null
  where st.instance_id = p_instance and st.position = p_position
  returning * into s;
  insert into public.approval_tasks (tenant_id, instance_id, step_id, doc_type, doc_id, kind, assignee_id, round, status)
  select s.tenant_id, s.instance_id, s.id, i.doc_type, i.doc_id, 'approve', a.person, s.round, 'pending'
  from public.approval_instances i, unnest(s.assignees) as a(person)
  where i.id = p_instance;
  update public.approval_instances set current_step = p_position where id = p_instance;
end
$$;

-- Ends a submission: its open tasks are cancelled and the document learns the outcome.
create function app_private.approval_finish(p_instance uuid, p_status public.approval_status) returns void
language plpgsql set search_path = ''
as $$
declare
  i public.approval_instances;
begin
  update public.approval_instances
  set status = p_status, decided_at = clock_timestamp(), current_step = null
  where id = p_instance
  returning * into i;
  update public.approval_tasks set status = 'cancelled'
  where instance_id = p_instance and kind = 'approve' and status = 'pending';
  perform app_private.approval_sync_document(i.tenant_id, i.doc_type, i.doc_id, p_status);
end
$$;

-- After a decision on the current step: passes it, rejects the submission, or waits for more.
create function app_private.approval_evaluate_step(p_instance uuid, p_step uuid) returns void
language plpgsql set search_path = ''
as $$
declare
  s public.approval_instance_steps;
  approved int;
  rejected int;
  open int;
  next_position smallint;
begin
  select * into s from public.approval_instance_steps where id = p_step;
  select count(*) filter (where t.status = 'approved'), count(*) filter (where t.status = 'rejected'),
         count(*) filter (where t.status = 'pending')
    into approved, rejected, open
  from public.approval_tasks t where t.step_id = p_step and t.round = s.round and t.kind = 'approve';

  if (s.mode in ('any', 'all') and rejected > 0) or (s.mode = 'vote' and approved + open < s.vote_threshold) then
    update public.approval_instance_steps set status = 'rejected', decided_at = clock_timestamp() where id = p_step;
    perform app_private.approval_finish(p_instance, 'rejected');
    return;
  end if;
  if (s.mode = 'any' and approved > 0) or (s.mode = 'all' and open = 0)
     or (s.mode = 'vote' and approved >= s.vote_threshold) then
    update public.approval_instance_steps set status = 'approved', decided_at = clock_timestamp() where id = p_step;
    update public.approval_tasks set status = 'cancelled'
    where step_id = p_step and kind = 'approve' and status = 'pending';
    select min(st.position) into next_position from public.approval_instance_steps st
    where st.instance_id = p_instance and st.position > s.position;
    if next_position is null then
      perform app_private.approval_finish(p_instance, 'approved');
    else
      perform app_private.approval_activate_step(p_instance, next_position);
    end if;
  end if;
end
$$;

-- The steps of a chain for a requester, approvers resolved (TR502 when a step has none). Used at
-- submission (the snapshot) and by the preview.
create function app_private.approval_route(p_tenant uuid, p_chain uuid, p_requester uuid, p_facts jsonb)
returns table (step_no int, step_id uuid, step_name text, step_mode public.approval_step_mode, threshold smallint,
  approvers uuid[])
language plpgsql stable security definer set search_path = ''
as $$
declare
  settings public.approval_settings := app_private.approval_settings_of(p_tenant);
  chain_name text := (select c.name from public.approval_chains c where c.id = p_chain);
  step record;
  approver record;
  people uuid[];
  person uuid;
  department uuid;
  n int := 0;
begin
  select m.department_id into department from public.memberships m
  where m.tenant_id = p_tenant and m.user_id = p_requester;
  if department is null and p_facts ->> 'department_id' ~ '^[0-9a-f-]{36}$' then
    department := (p_facts ->> 'department_id')::uuid;
  end if;
  for step in select * from public.approval_chain_steps s where s.chain_id = p_chain order by s.position loop
    people := '{}';
    for approver in select * from public.approval_step_approvers a where a.step_id = step.id loop
      if approver.kind = 'person' then
        people := people || approver.user_id;
      elsif approver.kind = 'role' then
        people := people || array(select mr.user_id from public.membership_roles mr
                                  where mr.tenant_id = p_tenant and mr.role_id = approver.role_id);
      else
        person := app_private.manager_up(p_tenant, department, p_requester,
          case when approver.kind = 'department_manager' then 1 else approver.levels end);
        if person is not null then
          people := people || person;
        end if;
      end if;
    end loop;
    people := array(select distinct x from unnest(people) x
                    where x <> p_requester or settings.allow_self_approval order by x);
    if cardinality(people) = 0 then
      raise exception using errcode = 'TR502',
        message = format('step %s "%s" of chain "%s" has no approver for this requester', step.position, step.name, chain_name),
        hint = 'approvers';
    end if;
    if step.mode = 'vote' and step.vote_threshold > cardinality(people) then
      raise exception using errcode = 'TR502',
        message = format('step %s "%s" needs %s approvals but has only %s approvers', step.position, step.name,
          step.vote_threshold, cardinality(people)),
        hint = 'vote_threshold';
    end if;
    n := n + 1;
    step_no := n;
    step_id := step.id;
    step_name := step.name;
    step_mode := step.mode;
    threshold := step.vote_threshold;
    approvers := people;
    return next;
  end loop;
end
$$;

-- Submits a document: for modules' own SQL functions, which check their own rights first.
-- Returns the submission's id; raises TR501/502/503/504.
create function app_private.submit_approval(p_tenant uuid, p_doc_type text, p_doc_id uuid, p_facts jsonb,
  p_requester uuid) returns uuid
language plpgsql volatile security definer set search_path = ''
as $$
declare
  settings public.approval_settings := app_private.approval_settings_of(p_tenant);
  chain public.approval_chains;
  inst public.approval_instances;
  step record;
  snapshot jsonb;
  n int := 0;
begin
  if p_facts is null or jsonb_typeof(p_facts) <> 'object' then
    raise exception using errcode = 'TR515', message = 'the document''s facts must be a JSON object', hint = 'facts';
  end if;
  if not exists (select 1 from public.approval_doc_types d
                 where d.tenant_id = p_tenant and d.doc_type = p_doc_type and d.active) then
    raise exception using errcode = 'TR501', message = format('unknown document type "%s"', p_doc_type),
      hint = 'doc_type';
  end if;
  if not exists (select 1 from public.memberships m where m.tenant_id = p_tenant and m.user_id = p_requester) then
    raise exception using errcode = 'TR516', message = 'the requester is not a member of this company',
      hint = 'requester_id';
  end if;
  -- One submission at a time per document.
  perform pg_advisory_xact_lock(hashtextextended(p_tenant::text || '/' || p_doc_type || '/' || p_doc_id::text, 5));
  if exists (select 1 from public.approval_instances i where i.tenant_id = p_tenant and i.doc_type = p_doc_type
             and i.doc_id = p_doc_id and i.status = 'pending') then
    raise exception using errcode = 'TR504', message = 'this document is already under approval', hint = 'doc_id';
  end if;

  select c.* into chain from public.approval_chains c
  where c.id = app_private.approval_match_chain(p_tenant, p_doc_type, p_facts);
  if chain.id is null and settings.require_approval_without_chain then
    raise exception using errcode = 'TR503',
      message = format('no approval chain applies to this %s and this company requires approval: set up a chain', p_doc_type),
      hint = 'doc_type';
  end if;

  insert into public.approval_instances (tenant_id, doc_type, doc_id, requester_id, title, amount, chain_id,
    facts, facts_hash, status)
  values (p_tenant, p_doc_type, p_doc_id, p_requester, left(p_facts ->> 'title', 200),
    round(app_private.fact_numeric(p_facts -> 'amount'), 2), chain.id, p_facts, app_private.facts_hash(p_facts),
    case when chain.id is null then 'approved'::public.approval_status else 'pending' end)
  returning * into inst;

  if chain.id is null then
    update public.approval_instances set decided_at = submitted_at where id = inst.id;
    perform app_private.approval_log(inst, null, null, 'auto_approved', p_requester, null, null,
      'no approval chain applies');
    perform app_private.approval_sync_document(p_tenant, p_doc_type, p_doc_id, 'approved');
    return inst.id;
  end if;

  snapshot := to_jsonb(chain) || jsonb_build_object('steps', '[]'::jsonb, 'copies',
    coalesce((select jsonb_agg(cc.user_id) from public.approval_chain_copies cc where cc.chain_id = chain.id), '[]'));
  for step in select * from app_private.approval_route(p_tenant, chain.id, p_requester, p_facts) loop
    n := n + 1;
    insert into public.approval_instance_steps (tenant_id, instance_id, position, name, mode, vote_threshold, assignees)
    values (p_tenant, inst.id, step.step_no, step.step_name, step.step_mode, step.threshold, step.approvers);
    snapshot := jsonb_set(snapshot, '{steps}', (snapshot -> 'steps') || jsonb_build_object(
      'position', step.step_no, 'name', step.step_name, 'mode', step.step_mode, 'vote_threshold', step.threshold,
      'approvers', (select coalesce(jsonb_agg(to_jsonb(a) - 'tenant_id' - 'step_id'), '[]')
                    from public.approval_step_approvers a where a.step_id = step.step_id),
      'resolved', to_jsonb(step.approvers)));
  end loop;
  if n = 0 then
    raise exception using errcode = 'TR502', message = format('chain "%s" has no steps', chain.name), hint = 'steps';
  end if;
  update public.approval_instances set chain_snapshot = snapshot where id = inst.id;

  insert into public.approval_tasks (tenant_id, instance_id, doc_type, doc_id, kind, assignee_id, round, status)
  select p_tenant, inst.id, p_doc_type, p_doc_id, 'copy', cc.user_id, 0, 'copied'
  from public.approval_chain_copies cc where cc.chain_id = chain.id and cc.user_id <> p_requester;

  perform app_private.approval_log(inst, null, null, 'submitted', p_requester, null, null, null);
  perform app_private.approval_activate_step(inst.id, 1::smallint);
  perform app_private.approval_sync_document(p_tenant, p_doc_type, p_doc_id, 'pending');
  return inst.id;
end
$$;
comment on function app_private.submit_approval(uuid, text, uuid, jsonb, uuid) is
  'Submits a document for approval with its facts (snapshot of the matching chain); no rights check: callers check theirs';

-- For modules before confirming or posting: raises unless no approval is needed or the document is
-- approved with exactly these facts.
create function app_private.assert_approved(p_tenant uuid, p_doc_type text, p_doc_id uuid, p_facts jsonb) returns void
language plpgsql stable security definer set search_path = ''
as $$
declare
  last public.approval_instances;
begin
  if not exists (select 1 from public.approval_doc_types d where d.tenant_id = p_tenant and d.doc_type = p_doc_type) then
    raise exception using errcode = 'TR501', message = format('unknown document type "%s"', p_doc_type),
      hint = 'doc_type';
  end if;
  select i.* into last from public.approval_instances i
  where i.tenant_id = p_tenant and i.doc_type = p_doc_type and i.doc_id = p_doc_id
  order by i.submitted_at desc, i.id limit 1;
  if last.status = 'pending' then
    raise exception using errcode = 'TR505', message = 'this document is still under approval', hint = 'status';
  end if;
  if last.status = 'approved' and last.facts_hash = app_private.facts_hash(p_facts) then
    return;
  end if;
  if app_private.approval_match_chain(p_tenant, p_doc_type, p_facts) is null
     and not (app_private.approval_settings_of(p_tenant)).require_approval_without_chain then
    return;
  end if;
  if last.status = 'approved' then
    raise exception using errcode = 'TR506',
      message = 'this document changed since it was approved: submit it for approval again', hint = 'status';
  end if;
  raise exception using errcode = 'TR505', message = 'this document needs approval first', hint = 'status';
end
$$;
comment on function app_private.assert_approved(uuid, text, uuid, jsonb) is
  'Raises TR505 (not approved) or TR506 (changed since approval) unless the document may be confirmed or posted';

create function app_private.assert_editable(p_tenant uuid, p_doc_type text, p_doc_id uuid) returns void
language plpgsql stable security definer set search_path = ''
as $$
begin
  if exists (select 1 from public.approval_instances i where i.tenant_id = p_tenant and i.doc_type = p_doc_type
             and i.doc_id = p_doc_id and i.status = 'pending') then
    raise exception using errcode = 'TR507', message = 'this document is under approval and cannot be changed',
      hint = 'status';
  end if;
end
$$;
comment on function app_private.assert_editable(uuid, text, uuid) is 'Raises TR507 while the document is under approval';

-- The one entry point of every decision on a task. Locks the submission row first: two decisions on one
-- document serialize, and the second sees the first's outcome (TR509 when its task is no longer open).
create function app_private.approval_act(p_task uuid, p_action text, p_comment text, p_target uuid,
  p_position int) returns public.approval_status
language plpgsql volatile security definer set search_path = ''
as $$
declare
  me uuid := auth.uid();
  tenant uuid := app_private.require('approvals', 'approve');
  t public.approval_tasks;
  i public.approval_instances;
  s public.approval_instance_steps;
  behalf uuid;
  settings public.approval_settings := app_private.approval_settings_of(tenant);
  new_task uuid;
begin
  if p_comment is not null and char_length(p_comment) > 2000 then
    raise exception using errcode = 'TR515', message = 'a comment has at most 2000 characters', hint = 'comment';
  end if;
  select * into t from public.approval_tasks where id = p_task and tenant_id = tenant;
  if not found then
    raise exception using errcode = 'TR508', message = 'no such approval task in this company', hint = 'task_id';
  end if;
  select * into i from public.approval_instances where id = t.instance_id for update;
  select * into t from public.approval_tasks where id = p_task;

  if t.assignee_id = me then
    behalf := null;
  elsif app_private.acts_for(tenant, t.assignee_id, t.doc_type) then
    behalf := t.assignee_id;
  elsif p_action = 'reassign' and app_private.can('approval_chains', 'update') then
    -- An administrator hands a task on (its approver left or is unreachable); deciding stays theirs.
    behalf := null;
  else
    raise exception using errcode = 'TR508', message = 'you are not an approver of this task', hint = 'task_id';
  end if;
  if t.kind <> 'approve' then
    raise exception using errcode = 'TR508', message = 'a copy (抄送) has nothing to decide', hint = 'task_id';
  end if;
  if i.status <> 'pending' or t.status <> 'pending' then
    raise exception using errcode = 'TR509',
      message = format('already decided: this task is %s and the approval is %s', t.status, i.status), hint = 'task_id';
  end if;
  select * into s from public.approval_instance_steps where id = t.step_id;
  if s.position is distinct from i.current_step or s.status <> 'active' or t.round <> s.round then
    raise exception using errcode = 'TR509', message = 'already decided: this step is no longer current', hint = 'task_id';
  end if;
  if not settings.allow_self_approval and me = i.requester_id then
    raise exception using errcode = 'TR510', message = 'you cannot decide on your own request', hint = 'task_id';
  end if;
  if behalf is not null then
    perform set_config('troika.on_behalf_of', behalf::text, true);
  end if;

  if p_action in ('transfer', 'reassign', 'add_signer') then
    if p_target is null or not exists (select 1 from public.memberships m where m.tenant_id = tenant and m.user_id = p_target) then
      raise exception using errcode = 'TR513', message = 'that person is not a member of this company', hint = 'user_id';
    end if;
    if p_target = i.requester_id and not settings.allow_self_approval then
      raise exception using errcode = 'TR510', message = 'the requester cannot approve their own request', hint = 'user_id';
    end if;
    if p_target in (me, t.assignee_id) then
      raise exception using errcode = 'TR513', message = 'choose someone else than the approver', hint = 'user_id';
    end if;
  end if;

  case p_action
  when 'approve', 'reject' then
    update public.approval_tasks
    set status = case when p_action = 'approve' then 'approved' else 'rejected' end::public.approval_task_status,
      acted_by = me, on_behalf_of = behalf, acted_at = clock_timestamp(), comment = nullif(btrim(p_comment), '')
    where id = t.id;
    perform app_private.approval_log(i, t.id, s.position, case when p_action = 'approve' then 'approved' else 'rejected' end,
      me, behalf, null, p_comment);
    perform app_private.approval_evaluate_step(i.id, s.id);
  when 'return' then
    if p_position is null or p_position < 1 or p_position >= s.position then
      raise exception using errcode = 'TR512',
        message = format('a task can be returned to an earlier step (1 to %s)', s.position - 1), hint = 'to_position';
    end if;
    update public.approval_tasks
    set status = 'returned', acted_by = me, on_behalf_of = behalf, acted_at = clock_timestamp(),
      comment = nullif(btrim(p_comment), '')
    where id = t.id;
    update public.approval_tasks set status = 'cancelled'
    where instance_id = i.id and kind = 'approve' and status = 'pending';
    update public.approval_instance_steps set status = 'waiting', decided_at = null
    where instance_id = i.id and position >= p_position and position <= s.position;
    perform app_private.approval_log(i, t.id, s.position, 'returned', me, behalf, null,
      concat_ws(' — ', format('to step %s', p_position), nullif(btrim(p_comment), '')));
    perform app_private.approval_activate_step(i.id, p_position::smallint);
  when 'transfer', 'reassign' then
    if exists (select 1 from public.approval_tasks x where x.step_id = s.id and x.round = s.round
               and x.assignee_id = p_target and x.status = 'pending') then
      raise exception using errcode = 'TR513', message = 'that person already has this step to decide', hint = 'user_id';
    end if;
    update public.approval_tasks
    set status = 'transferred', acted_by = me, on_behalf_of = behalf, acted_at = clock_timestamp(),
      comment = nullif(btrim(p_comment), '')
    where id = t.id;
    insert into public.approval_tasks (tenant_id, instance_id, step_id, doc_type, doc_id, kind, assignee_id, round,
      status, transferred_from)
    values (tenant, i.id, s.id, t.doc_type, t.doc_id, 'approve', p_target, s.round, 'pending', t.id)
    returning id into new_task;
    perform app_private.approval_log(i, t.id, s.position, 'transferred', me, behalf, p_target, p_comment);
  when 'add_signer' then
    update public.approval_instance_steps set position = position + 1
    where instance_id = i.id and position > s.position;
    insert into public.approval_instance_steps (tenant_id, instance_id, position, name, mode, assignees)
    values (tenant, i.id, s.position + 1, '加签 ' || coalesce(
      (select nullif(m.display_name, '') from public.memberships m where m.tenant_id = tenant and m.user_id = p_target),
      'signer'), 'any', array[p_target]);
    perform app_private.approval_log(i, t.id, s.position, 'added_signer', me, behalf, p_target, p_comment);
  else
    raise exception using errcode = 'TR515', message = format('unknown action "%s"', p_action), hint = 'action';
  end case;

  select status into i.status from public.approval_instances where id = i.id;
  return i.status;
end
$$;

-- ───────────────────────────── API: actions ─────────────────────────────
create function public.reassign_task(p_task_id uuid, p_to_user_id uuid, p_comment text default null)
returns public.approval_status
language sql volatile security definer set search_path = ''
as $$ select app_private.approval_act(p_task_id, 'reassign', p_comment, p_to_user_id, null) $$;
comment on function public.reassign_task(uuid, uuid, text) is
  'An administrator (approval_chains:update) hands a waiting task to another member, e.g. when its approver left. '
  'SECURITY DEFINER because the approval tables are written only by the engine, which checks who may act';

create function public.approve_task(p_task_id uuid, p_comment text default null) returns public.approval_status
language sql volatile security definer set search_path = ''
as $$ select app_private.approval_act(p_task_id, 'approve', p_comment, null, null) $$;
comment on function public.approve_task(uuid, text) is
  'Approves a task of the current step (as its approver or their substitute); returns the approval''s status. '
  'SECURITY DEFINER because the approval tables are written only by the engine, which checks who may act';

create function public.reject_task(p_task_id uuid, p_comment text default null) returns public.approval_status
language sql volatile security definer set search_path = ''
as $$ select app_private.approval_act(p_task_id, 'reject', p_comment, null, null) $$;
comment on function public.reject_task(uuid, text) is
  'Rejects: the request goes back to its requester (a vote step only when its threshold can no longer be met). '
  'SECURITY DEFINER because the approval tables are written only by the engine, which checks who may act';

create function public.return_task(p_task_id uuid, p_to_position int, p_comment text default null)
returns public.approval_status
language sql volatile security definer set search_path = ''
as $$ select app_private.approval_act(p_task_id, 'return', p_comment, null, p_to_position) $$;
comment on function public.return_task(uuid, int, text) is
  'Returns the request to an earlier step, whose approvers decide again. '
  'SECURITY DEFINER because the approval tables are written only by the engine, which checks who may act';

create function public.transfer_task(p_task_id uuid, p_to_user_id uuid, p_comment text default null)
returns public.approval_status
language sql volatile security definer set search_path = ''
as $$ select app_private.approval_act(p_task_id, 'transfer', p_comment, p_to_user_id, null) $$;
comment on function public.transfer_task(uuid, uuid, text) is
  'Transfers (转交) a task to another member, who decides instead. '
  'SECURITY DEFINER because the approval tables are written only by the engine, which checks who may act';

create function public.add_approval_signer(p_task_id uuid, p_user_id uuid, p_comment text default null)
returns public.approval_status
language sql volatile security definer set search_path = ''
as $$ select app_private.approval_act(p_task_id, 'add_signer', p_comment, p_user_id, null) $$;
comment on function public.add_approval_signer(uuid, uuid, text) is
  'Adds a signer (加签): a step for that person right after the current one; the caller still decides theirs. '
  'SECURITY DEFINER because the approval tables are written only by the engine, which checks who may act';

create function public.comment_approval(p_instance_id uuid, p_comment text) returns void
language plpgsql volatile security definer set search_path = ''
as $$
declare
  tenant uuid := app_private.require('approvals', 'approve');
  i public.approval_instances;
begin
  select * into i from public.approval_instances where id = p_instance_id and tenant_id = tenant;
  if not found or not (i.requester_id = auth.uid() or app_private.is_instance_participant(i.id)) then
    raise exception using errcode = 'TR508', message = 'no such approval among yours', hint = 'instance_id';
  end if;
  if coalesce(btrim(p_comment), '') = '' or char_length(p_comment) > 2000 then
    raise exception using errcode = 'TR515', message = 'a comment has 1 to 2000 characters', hint = 'comment';
  end if;
  perform app_private.approval_log(i, null, i.current_step, 'commented', auth.uid(), null, null, p_comment);
end
$$;
comment on function public.comment_approval(uuid, text) is
  'Adds a comment to the history of an approval the caller requested or takes part in. '
  'SECURITY DEFINER because the history is written only through the engine, which checks participation';

create function public.withdraw_approval(p_instance_id uuid) returns void
language plpgsql volatile security definer set search_path = ''
as $$
declare
  tenant uuid := app_private.require('approvals', 'approve');
  i public.approval_instances;
begin
  select * into i from public.approval_instances where id = p_instance_id and tenant_id = tenant for update;
  if not found or i.requester_id <> auth.uid() then
    raise exception using errcode = 'TR516', message = 'only the requester can withdraw a request', hint = 'instance_id';
  end if;
  if i.status <> 'pending' then
    raise exception using errcode = 'TR509', message = format('already decided: the approval is %s', i.status),
      hint = 'instance_id';
  end if;
  if exists (select 1 from public.approval_actions a where a.instance_id = i.id
             and a.action in ('approved', 'rejected', 'returned', 'transferred', 'added_signer')) then
    raise exception using errcode = 'TR511', message = 'an approver has already acted: it can no longer be withdrawn',
      hint = 'instance_id';
  end if;
  perform app_private.approval_log(i, null, i.current_step, 'withdrawn', auth.uid(), null, null, null);
  perform app_private.approval_finish(i.id, 'withdrawn');
end
$$;
comment on function public.withdraw_approval(uuid) is
  'The requester takes a request back before any approver acted. '
  'SECURITY DEFINER because the approval tables are written only by the engine, which checks the requester';

-- ───────────────────────────── OA requests ─────────────────────────────
-- Working days (Mon–Fri) from/to inclusive; a half day at either end counts 0.5 when it is a working day.
-- Public holidays and 调休 working weekends are not known to the database (yet).
create function public.leave_days(p_from date, p_to date, p_start_half boolean default false,
  p_end_half boolean default false) returns numeric
language sql immutable set search_path = ''
as $$
  select (count(*) filter (where extract(isodow from d) < 6))::numeric
    - case when p_start_half and extract(isodow from p_from) < 6 then 0.5 else 0 end
    - case when p_end_half and extract(isodow from p_to) < 6 then 0.5 else 0 end
  from generate_series(p_from, p_to, interval '1 day') as g(d)
$$;
comment on function public.leave_days(date, date, boolean, boolean) is
  'Working days (Mon–Fri) of a leave from/to inclusive; start_half: from the afternoon, end_half: until noon';

create table public.leave_requests (
  id uuid primary key default gen_random_uuid(),
  tenant_id uuid not null references public.tenants (id) on delete cascade,
  number text not null default '',
  requester_id uuid not null default auth.uid(),
  department_id uuid,
  leave_type public.leave_type not null,
  starts_on date not null,
  ends_on date not null,
  start_half boolean not null default false,
  end_half boolean not null default false,
  days numeric(5, 1) not null default 0,
  reason text check (reason is null or char_length(reason) <= 1000),
  status public.oa_status not null default 'draft',
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  unique (tenant_id, id),
  unique (tenant_id, number),
  foreign key (tenant_id, requester_id) references public.memberships (tenant_id, user_id) on delete cascade,
  foreign key (tenant_id, department_id) references public.departments (tenant_id, id) on delete set null (department_id)
);
comment on table public.leave_requests is 'Leave requests (请假申请)';
comment on column public.leave_requests.number is 'Number';
comment on column public.leave_requests.requester_id is 'Requester';
comment on column public.leave_requests.department_id is 'Department (the requester''s, when filed)';
comment on column public.leave_requests.leave_type is 'Type of leave';
comment on column public.leave_requests.starts_on is 'From';
comment on column public.leave_requests.ends_on is 'To (inclusive)';
comment on column public.leave_requests.start_half is 'Starts in the afternoon (half day)';
comment on column public.leave_requests.end_half is 'Ends at noon (half day)';
comment on column public.leave_requests.days is 'Working days (computed, weekends excluded)';
comment on column public.leave_requests.reason is 'Reason';
comment on column public.leave_requests.status is 'Approval status';
revoke insert, update on public.leave_requests from authenticated;
grant insert (tenant_id, leave_type, starts_on, ends_on, start_half, end_half, reason)
  on public.leave_requests to authenticated;
grant update (leave_type, starts_on, ends_on, start_half, end_half, reason) on public.leave_requests to authenticated;
create index leave_requests_requester_idx on public.leave_requests (tenant_id, requester_id);
create index leave_requests_department_idx on public.leave_requests (tenant_id, department_id);
create trigger leave_requests_touch before update on public.leave_requests
  for each row execute function public.touch_updated_at();

create function app_private.leave_requests_compute() returns trigger
language plpgsql set search_path = ''
as $$
begin
  if new.ends_on < new.starts_on then
    raise exception using errcode = 'TR515', message = 'a leave ends on or after its first day', hint = 'ends_on';
  end if;
  if new.ends_on - new.starts_on > 366 then
    raise exception using errcode = 'TR515', message = 'a leave request covers at most a year', hint = 'ends_on';
  end if;
  new.days := public.leave_days(new.starts_on, new.ends_on, new.start_half, new.end_half);
  if new.days <= 0 then
    raise exception using errcode = 'TR515', message = 'this leave has no working day', hint = 'starts_on';
  end if;
  return new;
end
$$;
create trigger leave_requests_compute before insert or update on public.leave_requests
  for each row execute function app_private.leave_requests_compute();

create table public.expense_claims (
  id uuid primary key default gen_random_uuid(),
  tenant_id uuid not null references public.tenants (id) on delete cascade,
  number text not null default '',
  requester_id uuid not null default auth.uid(),
  department_id uuid,
  project_id uuid,
  title text not null check (char_length(btrim(title)) between 1 and 200),
  total_amount numeric(18, 2) not null default 0,
  total_tax numeric(18, 2) not null default 0,
  note text check (note is null or char_length(note) <= 1000),
  status public.oa_status not null default 'draft',
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  unique (tenant_id, id),
  unique (tenant_id, number),
  foreign key (tenant_id, requester_id) references public.memberships (tenant_id, user_id) on delete cascade,
  foreign key (tenant_id, department_id) references public.departments (tenant_id, id) on delete set null (department_id),
  foreign key (tenant_id, project_id) references public.projects (tenant_id, id) on delete restrict
);
comment on table public.expense_claims is
  'Expense claims (费用报销单); once approved the ledger engine posts them (expense template), then payment';
comment on column public.expense_claims.number is 'Number';
comment on column public.expense_claims.requester_id is 'Claimant';
comment on column public.expense_claims.department_id is 'Department (cost centre: the claimant''s, when filed)';
comment on column public.expense_claims.project_id is 'Project';
comment on column public.expense_claims.title is 'Title';
comment on column public.expense_claims.total_amount is 'Total (tax included; sum of the lines)';
comment on column public.expense_claims.total_tax is 'Total input VAT (sum of the lines)';
comment on column public.expense_claims.note is 'Note';
comment on column public.expense_claims.status is 'Approval status';
revoke insert, update on public.expense_claims from authenticated;
grant insert (tenant_id, project_id, title, note) on public.expense_claims to authenticated;
grant update (project_id, title, note) on public.expense_claims to authenticated;
create index expense_claims_requester_idx on public.expense_claims (tenant_id, requester_id);
create index expense_claims_department_idx on public.expense_claims (tenant_id, department_id);
create index expense_claims_project_idx on public.expense_claims (tenant_id, project_id);
create trigger expense_claims_touch before update on public.expense_claims
  for each row execute function public.touch_updated_at();

create table public.expense_claim_lines (
  id uuid primary key default gen_random_uuid(),
  tenant_id uuid not null references public.tenants (id) on delete cascade,
  claim_id uuid not null,
  category text not null check (char_length(btrim(category)) between 1 and 50),
  description text check (description is null or char_length(description) <= 500),
  spent_on date,
  amount numeric(18, 2) not null check (amount > 0),
  invoice_type public.invoice_kind not null default 'ordinary',
  tax_amount numeric(18, 2) not null default 0,
  created_at timestamptz not null default now(),
  unique (tenant_id, id),
  foreign key (tenant_id, claim_id) references public.expense_claims (tenant_id, id) on delete cascade,
  constraint expense_claim_lines_tax check (tax_amount >= 0 and tax_amount < amount
    and (invoice_type <> 'none' or tax_amount = 0))
);
comment on table public.expense_claim_lines is 'Lines of an expense claim';
comment on column public.expense_claim_lines.claim_id is 'Expense claim';
comment on column public.expense_claim_lines.category is 'Category (差旅费, 交通费, 餐费, 办公费, 业务招待费, …)';
comment on column public.expense_claim_lines.description is 'Description';
comment on column public.expense_claim_lines.spent_on is 'Date spent';
comment on column public.expense_claim_lines.amount is 'Amount (tax included)';
comment on column public.expense_claim_lines.invoice_type is 'Invoice: 无票 none, 普票 ordinary, 专票 special';
comment on column public.expense_claim_lines.tax_amount is 'VAT on the invoice (0 without an invoice)';
revoke update on public.expense_claim_lines from authenticated;
grant update (category, description, spent_on, amount, invoice_type, tax_amount) on public.expense_claim_lines to authenticated;
create index expense_claim_lines_claim_idx on public.expense_claim_lines (tenant_id, claim_id);

create table public.seal_requests (
  id uuid primary key default gen_random_uuid(),
  tenant_id uuid not null references public.tenants (id) on delete cascade,
  number text not null default '',
  requester_id uuid not null default auth.uid(),
  department_id uuid,
  party_id uuid,
  title text not null check (char_length(btrim(title)) between 1 and 200),
  seal_type public.seal_type not null default 'contract',
  contract_amount numeric(18, 2) check (contract_amount is null or contract_amount >= 0),
  attachment_ref text check (attachment_ref is null or char_length(attachment_ref) <= 500),
  purpose text check (purpose is null or char_length(purpose) <= 1000),
  status public.oa_status not null default 'draft',
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  unique (tenant_id, id),
  unique (tenant_id, number),
  foreign key (tenant_id, requester_id) references public.memberships (tenant_id, user_id) on delete cascade,
  foreign key (tenant_id, department_id) references public.departments (tenant_id, id) on delete set null (department_id),
  foreign key (tenant_id, party_id) references public.parties (tenant_id, id) on delete restrict
);
comment on table public.seal_requests is 'Contract and seal requests (合同审批 / 用印申请)';
comment on column public.seal_requests.number is 'Number';
comment on column public.seal_requests.requester_id is 'Requester';
comment on column public.seal_requests.department_id is 'Department (the requester''s, when filed)';
comment on column public.seal_requests.party_id is 'Counterparty';
comment on column public.seal_requests.title is 'Title (e.g. contract name)';
comment on column public.seal_requests.seal_type is 'Seal';
comment on column public.seal_requests.contract_amount is 'Contract amount';
comment on column public.seal_requests.attachment_ref is 'Attachment (storage path or link)';
comment on column public.seal_requests.purpose is 'Purpose';
comment on column public.seal_requests.status is 'Approval status';
revoke insert, update on public.seal_requests from authenticated;
grant insert (tenant_id, party_id, title, seal_type, contract_amount, attachment_ref, purpose)
  on public.seal_requests to authenticated;
grant update (party_id, title, seal_type, contract_amount, attachment_ref, purpose)
  on public.seal_requests to authenticated;
create index seal_requests_requester_idx on public.seal_requests (tenant_id, requester_id);
create index seal_requests_department_idx on public.seal_requests (tenant_id, department_id);
create index seal_requests_party_idx on public.seal_requests (tenant_id, party_id);
create trigger seal_requests_touch before update on public.seal_requests
  for each row execute function public.touch_updated_at();

create table public.general_requests (
  id uuid primary key default gen_random_uuid(),
  tenant_id uuid not null references public.tenants (id) on delete cascade,
  number text not null default '',
  doc_type text not null default 'general_request',
  requester_id uuid not null default auth.uid(),
  department_id uuid,
  title text not null check (char_length(btrim(title)) between 1 and 200),
  form jsonb not null default '{}' check (jsonb_typeof(form) = 'object' and pg_column_size(form) <= 65536),
  amount numeric(18, 2) check (amount is null or amount >= 0),
  status public.oa_status not null default 'draft',
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  unique (tenant_id, id),
  unique (tenant_id, number),
  foreign key (tenant_id, doc_type) references public.approval_doc_types (tenant_id, doc_type) on delete restrict,
  foreign key (tenant_id, requester_id) references public.memberships (tenant_id, user_id) on delete cascade,
  foreign key (tenant_id, department_id) references public.departments (tenant_id, id) on delete set null (department_id)
);
comment on table public.general_requests is
  'Generic requests with a free form (通用审批); a company''s own document types (出差, 采购申请, …) use it too';
comment on column public.general_requests.number is 'Number';
comment on column public.general_requests.doc_type is 'Type of request';
comment on column public.general_requests.requester_id is 'Requester';
comment on column public.general_requests.department_id is 'Department (the requester''s, when filed)';
comment on column public.general_requests.title is 'Title';
comment on column public.general_requests.form is 'Form fields (chains may test them)';
comment on column public.general_requests.amount is 'Amount';
comment on column public.general_requests.status is 'Approval status';
revoke insert, update on public.general_requests from authenticated;
grant insert (tenant_id, doc_type, title, form, amount) on public.general_requests to authenticated;
grant update (title, form, amount) on public.general_requests to authenticated;
create index general_requests_requester_idx on public.general_requests (tenant_id, requester_id);
create index general_requests_department_idx on public.general_requests (tenant_id, department_id);
create index general_requests_doc_type_idx on public.general_requests (tenant_id, doc_type);
create trigger general_requests_touch before update on public.general_requests
  for each row execute function public.touch_updated_at();

-- A new request: its number, and the requester's department (set here, not by the requester: chains
-- choose by department, so a requester could otherwise pick the most lenient one).
-- security definer: the number counters are not writable through the API.
create function app_private.oa_request_defaults() returns trigger
language plpgsql security definer set search_path = ''
as $$
begin
  select m.department_id into new.department_id from public.memberships m
  where m.tenant_id = new.tenant_id and m.user_id = new.requester_id;
  new.number := app_private.next_document_number(new.tenant_id, tg_argv[0], app_private.shanghai_today());
  new.status := 'draft';
  return new;
end
$$;
create trigger leave_requests_defaults before insert on public.leave_requests
  for each row execute function app_private.oa_request_defaults('leave_request');
create trigger expense_claims_defaults before insert on public.expense_claims
  for each row execute function app_private.oa_request_defaults('expense_claim');
create trigger seal_requests_defaults before insert on public.seal_requests
  for each row execute function app_private.oa_request_defaults('seal_request');
create trigger general_requests_defaults before insert on public.general_requests
  for each row execute function app_private.oa_request_defaults('general_request');

-- While under approval a request is frozen; an approved one that is changed needs approval again
-- (back to draft), except an approved expense claim, which the ledger posts (argument 'final').
-- The engine changes only status, which is not writable through the API.
create function app_private.oa_request_guard() returns trigger
language plpgsql set search_path = ''
as $$
declare
  ignored text[] := array['status', 'updated_at', 'total_amount', 'total_tax', 'days'];
begin
  if tg_op = 'DELETE' then
    -- The requester leaving the company (or the company being deleted) takes their requests along.
    if old.status in ('pending', 'approved') and exists (
      select 1 from public.memberships m where m.tenant_id = old.tenant_id and m.user_id = old.requester_id) then
      raise exception using errcode = 'TR507', message = format('a %s request cannot be deleted', old.status),
        hint = 'status';
    end if;
    return old;
  end if;
  if (to_jsonb(new) - ignored) is distinct from (to_jsonb(old) - ignored) then
    if old.status = 'pending' then
      raise exception using errcode = 'TR507', message = 'this request is under approval and cannot be changed',
        hint = 'status';
    elsif old.status = 'approved' and tg_argv[0] = 'final' then
      raise exception using errcode = 'TR517', message = 'an approved expense claim cannot be changed', hint = 'status';
    elsif old.status = 'approved' then
      new.status := 'draft';
    end if;
  end if;
  return new;
end
$$;
create trigger leave_requests_guard before update or delete on public.leave_requests
  for each row execute function app_private.oa_request_guard('reapprove');
create trigger expense_claims_guard before update or delete on public.expense_claims
  for each row execute function app_private.oa_request_guard('final');
create trigger seal_requests_guard before update or delete on public.seal_requests
  for each row execute function app_private.oa_request_guard('reapprove');
create trigger general_requests_guard before update or delete on public.general_requests
  for each row execute function app_private.oa_request_guard('reapprove');

create function app_private.expense_claim_lines_guard() returns trigger
language plpgsql set search_path = ''
as $$
declare
  claim_status public.oa_status;
begin
  select c.status into claim_status from public.expense_claims c
  where c.tenant_id = coalesce(new.tenant_id, old.tenant_id) and c.id = coalesce(new.claim_id, old.claim_id);
  if claim_status = 'pending' then
    raise exception using errcode = 'TR507', message = 'this expense claim is under approval and cannot be changed',
      hint = 'claim_id';
  elsif claim_status = 'approved' then
    raise exception using errcode = 'TR517', message = 'an approved expense claim cannot be changed', hint = 'claim_id';
  end if;
  if tg_op = 'UPDATE' and new.claim_id <> old.claim_id then
    raise exception using errcode = 'TR515', message = 'a line stays on its claim', hint = 'claim_id';
  end if;
  return coalesce(new, old);
end
$$;
create trigger expense_claim_lines_guard before insert or update or delete on public.expense_claim_lines
  for each row execute function app_private.expense_claim_lines_guard();

-- security definer: the totals are not writable through the API.
create function app_private.expense_claim_totals() returns trigger
language plpgsql security definer set search_path = ''
as $$
begin
  update public.expense_claims c
  set total_amount = coalesce((select sum(l.amount) from public.expense_claim_lines l where l.claim_id = c.id), 0),
      total_tax = coalesce((select sum(l.tax_amount) from public.expense_claim_lines l where l.claim_id = c.id), 0)
  where c.tenant_id = coalesce(new.tenant_id, old.tenant_id) and c.id = coalesce(new.claim_id, old.claim_id);
  return null;
end
$$;
create trigger expense_claim_lines_totals after insert or update or delete on public.expense_claim_lines
  for each row execute function app_private.expense_claim_totals();

-- Submits one of the caller's OA requests (draft, rejected or withdrawn) for approval.
create function public.submit_request(p_doc_type text, p_id uuid) returns uuid
language plpgsql volatile security definer set search_path = ''
as $$
declare
  tenant uuid := app_private.require('oa_requests', 'create');
  r jsonb;
  facts jsonb;
  hidden text[] := array['id', 'tenant_id', 'status', 'created_at', 'updated_at', 'requester_id'];
begin
  case p_doc_type
  when 'leave_request' then
    select to_jsonb(x) into r from public.leave_requests x where x.tenant_id = tenant and x.id = p_id for update;
    facts := (r - hidden) || jsonb_build_object('amount', null);
  when 'expense_claim' then
    select to_jsonb(x) into r from public.expense_claims x where x.tenant_id = tenant and x.id = p_id for update;
    if r is not null and not exists (select 1 from public.expense_claim_lines l where l.claim_id = p_id) then
      raise exception using errcode = 'TR515', message = 'an expense claim needs at least one line', hint = 'lines';
    end if;
    facts := (r - hidden) || jsonb_build_object('amount', r -> 'total_amount', 'lines',
      (select jsonb_agg(to_jsonb(l) - 'tenant_id' - 'claim_id' - 'created_at' order by l.created_at, l.id)
       from public.expense_claim_lines l where l.claim_id = p_id));
  when 'seal_request' then
    select to_jsonb(x) into r from public.seal_requests x where x.tenant_id = tenant and x.id = p_id for update;
    facts := (r - hidden) || jsonb_build_object('amount', r -> 'contract_amount');
  else
    select to_jsonb(x) into r from public.general_requests x
    where x.tenant_id = tenant and x.id = p_id and x.doc_type = p_doc_type for update;
    facts := (r -> 'form') || (r - hidden - 'form');
  end case;
  if r is null then
    raise exception using errcode = 'TR518', message = format('no %s with this id in this company', p_doc_type),
      hint = 'id';
  end if;
  if (r ->> 'requester_id')::uuid <> auth.uid() then
    raise exception using errcode = 'TR516', message = 'only the requester can submit a request', hint = 'id';
  end if;
  if r ->> 'status' in ('pending', 'approved') then
    raise exception using errcode = 'TR504', message = format('this request is already %s', r ->> 'status'),
      hint = 'status';
  end if;
  return app_private.submit_approval(tenant, p_doc_type, p_id, facts, auth.uid());
end
$$;
comment on function public.submit_request(text, uuid) is
  'Submits one of the caller''s OA requests (leave_request, expense_claim, seal_request, general_request or a '
  'company''s own type) for approval; returns the approval''s id. '
  'SECURITY DEFINER because the approval tables are written only by the engine; the requester is checked here';

-- Who would approve the caller's document with these facts, before submitting it.
create function public.approval_preview(p_doc_type text, p_facts jsonb default '{}')
returns table (chain_id uuid, chain_name text, step_no int, step_name text, mode public.approval_step_mode,
  vote_threshold smallint, approvers uuid[], approver_names text[])
language plpgsql stable security definer set search_path = ''
as $$
declare
  tenant uuid := app_private.require('approvals', 'read');
  facts jsonb := coalesce(p_facts, '{}');
  chain public.approval_chains;
begin
  if jsonb_typeof(facts) <> 'object' then
    raise exception using errcode = 'TR515', message = 'facts must be a JSON object', hint = 'facts';
  end if;
  -- OA requests are judged by the requester's department (see oa_request_defaults).
  facts := facts || jsonb_build_object('department_id', (select m.department_id from public.memberships m
                                                         where m.tenant_id = tenant and m.user_id = auth.uid()));
  select c.* into chain from public.approval_chains c
  where c.id = app_private.approval_match_chain(tenant, p_doc_type, facts);
  if chain.id is null then
    return;
  end if;
  return query
  select chain.id, chain.name, r.step_no, r.step_name, r.step_mode, r.threshold, r.approvers,
    array(select coalesce(nullif(m.display_name, ''), m.email, a.person::text)
          from unnest(r.approvers) with ordinality as a(person, n)
          left join public.memberships m on m.tenant_id = tenant and m.user_id = a.person order by a.n)
  from app_private.approval_route(tenant, chain.id, auth.uid(), facts) r;
end
$$;
comment on function public.approval_preview(text, jsonb) is
  'The chain and approvers a document of the caller with these facts would get (no rows: no approval needed). '
  'SECURITY DEFINER because resolving managers and roles reads memberships the caller may not see; '
  'it answers only for the caller''s own company and names only the approvers';

-- ───────────────────────────── inbox ─────────────────────────────
-- Security invoker: what RLS shows the caller (their tasks, those they substitute, their requests).
create function public.approval_inbox(p_box text default 'pending')
returns table (box text, task_id uuid, instance_id uuid, doc_type text, doc_id uuid, title text,
  amount numeric, requester_id uuid, step_name text, task_status public.approval_task_status,
  approval_status public.approval_status, on_behalf_of uuid, assigned_at timestamptz, acted_at timestamptz)
language plpgsql stable set search_path = ''
as $$
begin
  if p_box is null or p_box not in ('pending', 'done', 'submitted', 'copied') then
    raise exception using errcode = 'TR519', message = 'box must be pending, done, submitted or copied', hint = 'box';
  end if;
  if p_box = 'submitted' then
    return query
    select p_box, null::uuid, i.id, i.doc_type, i.doc_id, i.title, i.amount, i.requester_id,
      (select s.name from public.approval_instance_steps s where s.instance_id = i.id and s.position = i.current_step),
      null::public.approval_task_status, i.status, null::uuid, i.submitted_at, i.decided_at
    from public.approval_instances i
    where i.requester_id = (select auth.uid()) and i.tenant_id = (select app_private.current_tenant_id())
    order by i.submitted_at desc;
    return;
  end if;
  return query
  select p_box, t.id, i.id, t.doc_type, t.doc_id, i.title, i.amount, i.requester_id, s.name, t.status, i.status,
    case when t.assignee_id <> (select auth.uid()) then t.assignee_id end, t.created_at, t.acted_at
  from public.approval_tasks t
  join public.approval_instances i on i.id = t.instance_id
  left join public.approval_instance_steps s on s.id = t.step_id
  where t.tenant_id = (select app_private.current_tenant_id())
    and case p_box
      when 'pending' then t.kind = 'approve' and t.status = 'pending'
        and (t.assignee_id = (select auth.uid()) or app_private.acts_for(t.tenant_id, t.assignee_id, t.doc_type))
      when 'done' then t.kind = 'approve' and t.acted_by = (select auth.uid())
      else t.kind = 'copy' and t.assignee_id = (select auth.uid())
    end
  order by coalesce(t.acted_at, t.created_at) desc;
end
$$;
comment on function public.approval_inbox(text) is
  'The caller''s approvals: pending (to decide, also as a substitute), done, submitted, copied (抄送)';

create function public.approval_inbox_counts()
returns table (pending bigint, done bigint, submitted bigint, copied bigint)
language sql stable set search_path = ''
as $$
  select (select count(*) from public.approval_inbox('pending')),
         (select count(*) from public.approval_inbox('done')),
         (select count(*) from public.approval_inbox('submitted')),
         (select count(*) from public.approval_inbox('copied'))
$$;
comment on function public.approval_inbox_counts() is 'How many approvals the caller has in each box';

-- ───────────────────────────── analysis ─────────────────────────────
-- Security invoker: people who monitor approvals (approval_monitor:read) see the whole company, others
-- their own tasks.
create function public.approval_wait_stats(p_group text default 'step', p_since timestamptz default null)
returns table (group_key text, label text, decided bigint, waiting bigint, avg_hours numeric, max_hours numeric)
language plpgsql stable set search_path = ''
as $$
begin
  if p_group is null or p_group not in ('step', 'approver', 'department', 'doc_type') then
    raise exception using errcode = 'TR519', message = 'group must be step, approver, department or doc_type',
      hint = 'group';
  end if;
  return query
  with w as (
    select t.*, s.name as step_name, m.display_name, m.department_id, d.name as department_name,
      extract(epoch from coalesce(t.acted_at, now()) - t.created_at) / 3600 as hours
    from public.approval_tasks t
    join public.approval_instance_steps s on s.id = t.step_id
    left join public.memberships m on m.tenant_id = t.tenant_id and m.user_id = t.assignee_id
    left join public.departments d on d.tenant_id = m.tenant_id and d.id = m.department_id
    where t.kind = 'approve' and t.status <> 'cancelled'
      and t.tenant_id = (select app_private.current_tenant_id())
      and (p_since is null or t.created_at >= p_since)
  )
  select case p_group when 'step' then w.doc_type || '/' || w.step_name when 'approver' then w.assignee_id::text
           when 'department' then coalesce(w.department_id::text, '') else w.doc_type end,
    min(case p_group when 'step' then w.step_name when 'approver' then w.display_name
          when 'department' then coalesce(w.department_name, '—') else w.doc_type end),
    count(*) filter (where w.acted_at is not null),
    count(*) filter (where w.status = 'pending'),
    round(avg(w.hours) filter (where w.acted_at is not null), 2),
    round(max(w.hours), 2)
  from w group by 1
  order by 5 desc nulls last, 1;
end
$$;
comment on function public.approval_wait_stats(text, timestamptz) is
  'How long decisions take, per step, approver, department or document type: decided and waiting tasks, '
  'average hours to decide, longest wait (pending ones counted up to now)';

create function public.overdue_approval_tasks()
returns table (task_id uuid, instance_id uuid, doc_type text, doc_id uuid, title text, assignee_id uuid,
  assignee_name text, step_name text, assigned_at timestamptz, waiting_hours numeric)
language sql stable set search_path = ''
as $$
  select t.id, t.instance_id, t.doc_type, t.doc_id, i.title, t.assignee_id, m.display_name, s.name, t.created_at,
    round((extract(epoch from now() - t.created_at) / 3600)::numeric, 1)
  from public.approval_tasks t
  join public.approval_instances i on i.id = t.instance_id
  join public.approval_instance_steps s on s.id = t.step_id
  left join public.memberships m on m.tenant_id = t.tenant_id and m.user_id = t.assignee_id
  where t.kind = 'approve' and t.status = 'pending' and i.status = 'pending'
    and t.tenant_id = (select app_private.current_tenant_id())
    and t.created_at < now() - make_interval(hours =>
      (app_private.approval_settings_of((select app_private.current_tenant_id()))).overdue_hours)
  order by t.created_at
$$;
comment on function public.overdue_approval_tasks() is
  'Tasks waiting longer than the company''s overdue_hours (approval settings), oldest first';

-- ───────────────────────────── provisioning ─────────────────────────────
insert into app_private.approval_doc_templates (doc_type, name, position, doc_table, status_column) values
  ('purchase_order', '采购订单', 1, null, null),
  ('sales_order', '销售订单/合同', 2, null, null),
  ('supplier_payment', '付款申请', 3, null, null),
  ('expense_claim', '费用报销', 4, 'public.expense_claims', 'status'),
  ('leave_request', '请假', 5, 'public.leave_requests', 'status'),
  ('seal_request', '合同/用印', 6, 'public.seal_requests', 'status'),
  ('general_request', '通用审批', 7, 'public.general_requests', 'status');

insert into app_private.document_sequence_templates (doc_type, name, prefix, reset_every, padding) values
  ('leave_request', '请假单', 'LV', 'month', 4),
  ('seal_request', '用印申请', 'SEAL', 'month', 4),
  ('general_request', '通用审批', 'REQ', 'month', 4)
on conflict (doc_type) do nothing;

create function app_private.provision_approvals(p_tenant uuid) returns void
language sql security definer set search_path = ''
as $$
  insert into public.approval_doc_types (tenant_id, doc_type, name, builtin)
  select p_tenant, t.doc_type, t.name, true from app_private.approval_doc_templates t order by t.position
  on conflict do nothing;
  insert into public.approval_settings (tenant_id) values (p_tenant) on conflict do nothing;
$$;

-- A trigger rather than a line in provision_books, which other modules replace.
create function app_private.tenants_provision_approvals() returns trigger
language plpgsql security definer set search_path = ''
as $$
begin
  perform app_private.provision_approvals(new.id);
  return null;
end
$$;
create trigger tenants_provision_approvals after insert on public.tenants
  for each row execute function app_private.tenants_provision_approvals();

-- Approval templates (审批模板) for a new company, inactive: an administrator checks the approvers and
-- switches them on. Written once the company's built-in roles exist (they are inserted after the
-- company row, in one statement: a statement trigger on roles sees them all).
create function app_private.provision_approval_templates(p_tenant uuid) returns void
language plpgsql security definer set search_path = ''
as $$
declare
  t record;
  chain_id uuid;
  step_id uuid;
  i int;
  approver text;
begin
  if exists (select 1 from public.approval_chains c where c.tenant_id = p_tenant) then
    return;
  end if;
  -- doc type, name, min amount, steps as 'name:approver,approver;…' (approver: manager or a role key)
  for t in select * from (values
    ('leave_request', '请假审批 (模板)', null::numeric, '部门经理审批:manager'),
    ('expense_claim', '费用报销审批 (模板)', null, '部门经理审批:manager;财务审核:accountant'),
    ('seal_request', '合同/用印审批 (模板)', null, '部门经理审批:manager;老板审批:owner'),
    ('purchase_order', '大额采购审批 (模板)', 50000.00, '老板审批:owner'),
    ('sales_order', '大额销售合同审批 (模板)', 100000.00, '老板审批:owner'),
    ('supplier_payment', '付款审批 (模板)', null, '财务审核:accountant;老板审批:owner'),
    ('general_request', '通用审批 (模板)', null, '部门经理审批:manager')
  ) as v(doc_type, name, min_amount, steps) loop
    insert into public.approval_chains (tenant_id, doc_type, name, min_amount, active)
    values (p_tenant, t.doc_type, t.name, t.min_amount, false)
    returning id into chain_id;
    i := 0;
    for approver in select unnest(string_to_array(t.steps, ';')) loop
      i := i + 1;
      insert into public.approval_chain_steps (tenant_id, chain_id, position, name, mode)
      values (p_tenant, chain_id, i, split_part(approver, ':', 1), 'any')
      returning id into step_id;
      insert into public.approval_step_approvers (tenant_id, step_id, kind, role_id)
      select p_tenant, step_id, case when a.key = 'manager' then 'department_manager' else 'role' end::public.approver_kind,
        case when a.key = 'manager' then null else (select r.id from public.roles r where r.tenant_id = p_tenant and r.key = a.key) end
      from unnest(string_to_array(split_part(approver, ':', 2), ',')) as a(key)
      where a.key = 'manager' or exists (select 1 from public.roles r where r.tenant_id = p_tenant and r.key = a.key);
    end loop;
  end loop;
end
$$;

create function app_private.roles_provision_approval_templates() returns trigger
language plpgsql security definer set search_path = ''
as $$
begin
  perform app_private.provision_approval_templates(n.tenant_id)
  from (select distinct r.tenant_id from new_roles r where r.builtin and r.key = 'owner') n;
  return null;
end
$$;
create trigger roles_provision_approval_templates after insert on public.roles
  referencing new table as new_roles
  for each statement execute function app_private.roles_provision_approval_templates();

-- Companies that exist already.
select app_private.provision_approvals(t.id) from public.tenants t;
select app_private.provision_approval_templates(t.id) from public.tenants t;
insert into public.document_sequences (tenant_id, doc_type, name, prefix, reset_every, padding)
select t.id, st.doc_type, st.name, st.prefix, st.reset_every, st.padding
from public.tenants t cross join app_private.document_sequence_templates st
where st.doc_type in ('leave_request', 'seal_request', 'general_request', 'expense_claim')
on conflict do nothing;

-- ───────────────────────────── policies machinery for OA tables ─────────────────────────────
-- An OA request table: requesters see and write their own rows (oa_requests), some roles read everyone's
-- (oa_requests_all), approvers and people copied read the requests they take part in (approvals:read).
create procedure app_private.enable_oa_rls(p_table regclass, p_doc_type_sql text)
language plpgsql set search_path = ''
as $$
declare
  tbl text := p_table::text;
  short text := (select c.relname from pg_catalog.pg_class c where c.oid = p_table);
  me text := '(select auth.uid())';
begin
  execute format('alter table %s enable row level security', tbl);
  execute format('revoke all on %s from anon', tbl);
  execute format('drop policy if exists %I on %s', short || '_select_own', tbl);
  execute format('create policy %I on %s for select to authenticated using '
    '(tenant_id = (select app_private.tenant_if_can(''oa_requests'', ''read'')) and requester_id = %s)',
    short || '_select_own', tbl, me);
  execute format('comment on policy %I on %s is %L', short || '_select_own', tbl, 'requesters read their own requests');
  execute format('drop policy if exists %I on %s', short || '_select_all', tbl);
  execute format('create policy %I on %s for select to authenticated using '
    '(tenant_id = (select app_private.tenant_if_can(''oa_requests_all'', ''read'')))', short || '_select_all', tbl);
  execute format('comment on policy %I on %s is %L', short || '_select_all', tbl, 'roles with oa_requests_all:read read every request');
  execute format('drop policy if exists %I on %s', short || '_select_approver', tbl);
  execute format('create policy %I on %s for select to authenticated using '
    '(tenant_id = (select app_private.tenant_if_can(''approvals'', ''read'')) '
    'and app_private.is_approval_participant(tenant_id, %s, id))', short || '_select_approver', tbl, p_doc_type_sql);
  execute format('comment on policy %I on %s is %L', short || '_select_approver', tbl,
    'approvers, substitutes and people copied read the requests they take part in');
  execute format('drop policy if exists %I on %s', short || '_insert_own', tbl);
  execute format('create policy %I on %s for insert to authenticated with check '
    '(tenant_id = (select app_private.tenant_if_can(''oa_requests'', ''create'')) and requester_id = %s)',
    short || '_insert_own', tbl, me);
  execute format('comment on policy %I on %s is %L', short || '_insert_own', tbl, 'people file their own requests');
  execute format('drop policy if exists %I on %s', short || '_update_own', tbl);
  execute format('create policy %I on %s for update to authenticated using '
    '(tenant_id = (select app_private.tenant_if_can(''oa_requests'', ''update'')) and requester_id = %s) with check '
    '(tenant_id = (select app_private.tenant_if_can(''oa_requests'', ''update'')) and requester_id = %s)',
    short || '_update_own', tbl, me, me);
  execute format('comment on policy %I on %s is %L', short || '_update_own', tbl, 'requesters change their own requests');
  execute format('drop policy if exists %I on %s', short || '_delete_own', tbl);
  execute format('create policy %I on %s for delete to authenticated using '
    '(tenant_id = (select app_private.tenant_if_can(''oa_requests'', ''delete'')) and requester_id = %s)',
    short || '_delete_own', tbl, me);
  execute format('comment on policy %I on %s is %L', short || '_delete_own', tbl, 'requesters delete their own drafts');
  if not exists (select 1 from pg_catalog.pg_index i join pg_catalog.pg_attribute a
                 on a.attrelid = i.indrelid and a.attnum = i.indkey[0]
                 where i.indrelid = p_table and a.attname = 'tenant_id') then
    execute format('create index %I on %s (tenant_id)', short || '_tenant_id_idx', tbl);
  end if;
end
$$;

-- ───────────────────────────── privileges ─────────────────────────────
revoke all on function app_private.approval_doc_types_guard(), app_private.approval_conditions_error(jsonb),
  app_private.approval_chains_check(), app_private.approval_delegations_check(), app_private.shanghai_today(), app_private.approval_settings_of(uuid),
  app_private.acts_for(uuid, uuid, text), app_private.is_pending_approver(uuid, text, uuid),
  app_private.is_approval_participant(uuid, text, uuid), app_private.is_instance_participant(uuid),
  app_private.fact_numeric(jsonb), app_private.approval_condition_holds(jsonb, jsonb),
  app_private.facts_normalised(jsonb), app_private.facts_hash(jsonb),
  app_private.department_depth(uuid, uuid), app_private.approval_match_chain(uuid, text, jsonb),
  app_private.approval_route(uuid, uuid, uuid, jsonb),
  app_private.manager_up(uuid, uuid, uuid, int),
  app_private.approval_sync_document(uuid, text, uuid, public.approval_status),
  app_private.approval_log(public.approval_instances, uuid, smallint, text, uuid, uuid, uuid, text),
  app_private.approval_activate_step(uuid, smallint), app_private.approval_finish(uuid, public.approval_status),
  app_private.approval_evaluate_step(uuid, uuid), app_private.submit_approval(uuid, text, uuid, jsonb, uuid),
  app_private.assert_approved(uuid, text, uuid, jsonb), app_private.assert_editable(uuid, text, uuid),
  app_private.approval_act(uuid, text, text, uuid, int), app_private.leave_requests_compute(),
  app_private.oa_request_defaults(), app_private.oa_request_guard(), app_private.expense_claim_lines_guard(),
  app_private.expense_claim_totals(), app_private.provision_approvals(uuid),
  app_private.tenants_provision_approvals(), app_private.provision_approval_templates(uuid),
  app_private.roles_provision_approval_templates() from public;
revoke execute on procedure app_private.enable_oa_rls(regclass, text) from public;
-- Policies and the invoker functions below call these as the requesting person.
grant execute on function app_private.acts_for(uuid, uuid, text), app_private.is_pending_approver(uuid, text, uuid),
  app_private.is_approval_participant(uuid, text, uuid), app_private.is_instance_participant(uuid),
  app_private.approval_settings_of(uuid), app_private.shanghai_today(),
  app_private.approval_conditions_error(jsonb) to authenticated, service_role;
-- Other modules' triggers and invoker functions call the checks as the requesting person.
grant execute on function app_private.assert_approved(uuid, text, uuid, jsonb),
  app_private.assert_editable(uuid, text, uuid) to authenticated, service_role;

revoke execute on function public.reassign_task(uuid, uuid, text), public.approval_preview(text, jsonb) from public, anon;
grant execute on function public.reassign_task(uuid, uuid, text), public.approval_preview(text, jsonb) to authenticated;
revoke execute on function public.approve_task(uuid, text), public.reject_task(uuid, text),
  public.return_task(uuid, int, text), public.transfer_task(uuid, uuid, text),
  public.add_approval_signer(uuid, uuid, text), public.comment_approval(uuid, text), public.withdraw_approval(uuid),
  public.submit_request(text, uuid), public.approval_inbox(text), public.approval_inbox_counts(),
  public.approval_wait_stats(text, timestamptz), public.overdue_approval_tasks(),
  public.leave_days(date, date, boolean, boolean) from public, anon;
grant execute on function public.approve_task(uuid, text), public.reject_task(uuid, text),
  public.return_task(uuid, int, text), public.transfer_task(uuid, uuid, text),
  public.add_approval_signer(uuid, uuid, text), public.comment_approval(uuid, text), public.withdraw_approval(uuid),
  public.submit_request(text, uuid), public.approval_inbox(text), public.approval_inbox_counts(),
  public.approval_wait_stats(text, timestamptz), public.overdue_approval_tasks(),
  public.leave_days(date, date, boolean, boolean) to authenticated;
