export type Json =
  | string
  | number
  | boolean
  | null
  | { [key: string]: Json | undefined }
  | Json[]

export type Database = {
  // Allows to automatically instantiate createClient with right options
  // instead of createClient<Database, { PostgrestVersion: 'XX' }>(URL, KEY)
  __InternalSupabase: {
    PostgrestVersion: "12.0.2"
  }
  public: {
    Tables: {
      accounts: {
        Row: {
          active: boolean
          auxiliary: string[]
          code: string
          created_at: string
          direction: Database["public"]["Enums"]["balance_direction"]
          id: string
          is_leaf: boolean
          level: number
          name: string
          parent_id: string | null
          tenant_id: string
          type: Database["public"]["Enums"]["account_type"]
          updated_at: string
        }
        Insert: {
          active?: boolean
          auxiliary?: string[]
          code: string
          created_at?: string
          direction: Database["public"]["Enums"]["balance_direction"]
          id?: string
          is_leaf?: boolean
          level?: number
          name: string
          parent_id?: string | null
          tenant_id: string
          type: Database["public"]["Enums"]["account_type"]
          updated_at?: string
        }
        Update: {
          active?: boolean
          auxiliary?: string[]
          code?: string
          created_at?: string
          direction?: Database["public"]["Enums"]["balance_direction"]
          id?: string
          is_leaf?: boolean
          level?: number
          name?: string
          parent_id?: string | null
          tenant_id?: string
          type?: Database["public"]["Enums"]["account_type"]
          updated_at?: string
        }
        Relationships: [
          {
            foreignKeyName: "accounts_tenant_id_fkey"
            columns: ["tenant_id"]
            isOneToOne: false
            referencedRelation: "tenants"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "accounts_tenant_id_parent_id_fkey"
            columns: ["tenant_id", "parent_id"]
            isOneToOne: false
            referencedRelation: "accounts"
            referencedColumns: ["tenant_id", "id"]
          },
        ]
      }
      allocations: {
        Row: {
          amount: number
          created_at: string
          id: number
          open_item_id: string
          tenant_id: string
          voucher_id: string
        }
        Insert: {
          amount: number
          created_at?: string
          id?: never
          open_item_id: string
          tenant_id: string
          voucher_id: string
        }
        Update: {
          amount?: number
          created_at?: string
          id?: never
          open_item_id?: string
          tenant_id?: string
          voucher_id?: string
        }
        Relationships: [
          {
            foreignKeyName: "allocations_tenant_id_fkey"
            columns: ["tenant_id"]
            isOneToOne: false
            referencedRelation: "tenants"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "allocations_tenant_id_open_item_id_fkey"
            columns: ["tenant_id", "open_item_id"]
            isOneToOne: false
            referencedRelation: "open_items"
            referencedColumns: ["tenant_id", "id"]
          },
          {
            foreignKeyName: "allocations_tenant_id_voucher_id_fkey"
            columns: ["tenant_id", "voucher_id"]
            isOneToOne: false
            referencedRelation: "vouchers"
            referencedColumns: ["tenant_id", "id"]
          },
        ]
      }
      api_keys: {
        Row: {
          created_at: string
          created_by: string | null
          expires_at: string | null
          generation: number
          id: string
          last_used_at: string | null
          name: string
          prefix: string
          revoked_at: string | null
          revoked_by: string | null
          rotated_at: string | null
          service_user_id: string
          tenant_id: string
        }
        Insert: {
          created_at?: string
          created_by?: string | null
          expires_at?: string | null
          generation?: number
          id?: string
          last_used_at?: string | null
          name: string
          prefix: string
          revoked_at?: string | null
          revoked_by?: string | null
          rotated_at?: string | null
          service_user_id: string
          tenant_id: string
        }
        Update: {
          created_at?: string
          created_by?: string | null
          expires_at?: string | null
          generation?: number
          id?: string
          last_used_at?: string | null
          name?: string
          prefix?: string
          revoked_at?: string | null
          revoked_by?: string | null
          rotated_at?: string | null
          service_user_id?: string
          tenant_id?: string
        }
        Relationships: [
          {
            foreignKeyName: "api_keys_tenant_id_fkey"
            columns: ["tenant_id"]
            isOneToOne: false
            referencedRelation: "tenants"
            referencedColumns: ["id"]
          },
        ]
      }
      approval_actions: {
        Row: {
          action: string
          actor_id: string | null
          at: string
          comment: string | null
          id: number
          instance_id: string
          on_behalf_of: string | null
          step_position: number | null
          target_user_id: string | null
          task_id: string | null
          tenant_id: string
        }
        Insert: {
          action: string
          actor_id?: string | null
          at?: string
          comment?: string | null
          id?: never
          instance_id: string
          on_behalf_of?: string | null
          step_position?: number | null
          target_user_id?: string | null
          task_id?: string | null
          tenant_id: string
        }
        Update: {
          action?: string
          actor_id?: string | null
          at?: string
          comment?: string | null
          id?: never
          instance_id?: string
          on_behalf_of?: string | null
          step_position?: number | null
          target_user_id?: string | null
          task_id?: string | null
          tenant_id?: string
        }
        Relationships: [
          {
            foreignKeyName: "approval_actions_tenant_id_fkey"
            columns: ["tenant_id"]
            isOneToOne: false
            referencedRelation: "tenants"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "approval_actions_tenant_id_instance_id_fkey"
            columns: ["tenant_id", "instance_id"]
            isOneToOne: false
            referencedRelation: "approval_instances"
            referencedColumns: ["tenant_id", "id"]
          },
          {
            foreignKeyName: "approval_actions_tenant_id_task_id_fkey"
            columns: ["tenant_id", "task_id"]
            isOneToOne: false
            referencedRelation: "approval_tasks"
            referencedColumns: ["tenant_id", "id"]
          },
        ]
      }
      approval_chain_copies: {
        Row: {
          chain_id: string
          id: string
          tenant_id: string
          user_id: string
        }
        Insert: {
          chain_id: string
          id?: string
          tenant_id: string
          user_id: string
        }
        Update: {
          chain_id?: string
          id?: string
          tenant_id?: string
          user_id?: string
        }
        Relationships: [
          {
            foreignKeyName: "approval_chain_copies_tenant_id_chain_id_fkey"
            columns: ["tenant_id", "chain_id"]
            isOneToOne: false
            referencedRelation: "approval_chains"
            referencedColumns: ["tenant_id", "id"]
          },
          {
            foreignKeyName: "approval_chain_copies_tenant_id_fkey"
            columns: ["tenant_id"]
            isOneToOne: false
            referencedRelation: "tenants"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "approval_chain_copies_tenant_id_user_id_fkey"
            columns: ["tenant_id", "user_id"]
            isOneToOne: false
            referencedRelation: "memberships"
            referencedColumns: ["tenant_id", "user_id"]
          },
        ]
      }
      approval_chain_steps: {
        Row: {
          chain_id: string
          id: string
          mode: Database["public"]["Enums"]["approval_step_mode"]
          name: string
          position: number
          tenant_id: string
          vote_threshold: number | null
        }
        Insert: {
          chain_id: string
          id?: string
          mode?: Database["public"]["Enums"]["approval_step_mode"]
          name: string
          position: number
          tenant_id: string
          vote_threshold?: number | null
        }
        Update: {
          chain_id?: string
          id?: string
          mode?: Database["public"]["Enums"]["approval_step_mode"]
          name?: string
          position?: number
          tenant_id?: string
          vote_threshold?: number | null
        }
        Relationships: [
          {
            foreignKeyName: "approval_chain_steps_tenant_id_chain_id_fkey"
            columns: ["tenant_id", "chain_id"]
            isOneToOne: false
            referencedRelation: "approval_chains"
            referencedColumns: ["tenant_id", "id"]
          },
          {
            foreignKeyName: "approval_chain_steps_tenant_id_fkey"
            columns: ["tenant_id"]
            isOneToOne: false
            referencedRelation: "tenants"
            referencedColumns: ["id"]
          },
        ]
      }
      approval_chains: {
        Row: {
          active: boolean
          conditions: NonNullable<Json>
          created_at: string
          department_id: string | null
          doc_type: string
          id: string
          max_amount: number | null
          min_amount: number | null
          name: string
          party_id: string | null
          priority: number
          tenant_id: string
          updated_at: string
        }
        Insert: {
          active?: boolean
          conditions?: NonNullable<Json>
          created_at?: string
          department_id?: string | null
          doc_type: string
          id?: string
          max_amount?: number | null
          min_amount?: number | null
          name: string
          party_id?: string | null
          priority?: number
          tenant_id: string
          updated_at?: string
        }
        Update: {
          active?: boolean
          conditions?: NonNullable<Json>
          created_at?: string
          department_id?: string | null
          doc_type?: string
          id?: string
          max_amount?: number | null
          min_amount?: number | null
          name?: string
          party_id?: string | null
          priority?: number
          tenant_id?: string
          updated_at?: string
        }
        Relationships: [
          {
            foreignKeyName: "approval_chains_tenant_id_department_id_fkey"
            columns: ["tenant_id", "department_id"]
            isOneToOne: false
            referencedRelation: "departments"
            referencedColumns: ["tenant_id", "id"]
          },
          {
            foreignKeyName: "approval_chains_tenant_id_doc_type_fkey"
            columns: ["tenant_id", "doc_type"]
            isOneToOne: false
            referencedRelation: "approval_doc_types"
            referencedColumns: ["tenant_id", "doc_type"]
          },
          {
            foreignKeyName: "approval_chains_tenant_id_fkey"
            columns: ["tenant_id"]
            isOneToOne: false
            referencedRelation: "tenants"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "approval_chains_tenant_id_party_id_fkey"
            columns: ["tenant_id", "party_id"]
            isOneToOne: false
            referencedRelation: "parties"
            referencedColumns: ["tenant_id", "id"]
          },
        ]
      }
      approval_delegations: {
        Row: {
          created_at: string
          doc_types: string[] | null
          ends_on: string
          id: string
          note: string | null
          person_id: string
          starts_on: string
          substitute_id: string
          tenant_id: string
        }
        Insert: {
          created_at?: string
          doc_types?: string[] | null
          ends_on: string
          id?: string
          note?: string | null
          person_id?: string
          starts_on: string
          substitute_id: string
          tenant_id: string
        }
        Update: {
          created_at?: string
          doc_types?: string[] | null
          ends_on?: string
          id?: string
          note?: string | null
          person_id?: string
          starts_on?: string
          substitute_id?: string
          tenant_id?: string
        }
        Relationships: [
          {
            foreignKeyName: "approval_delegations_tenant_id_fkey"
            columns: ["tenant_id"]
            isOneToOne: false
            referencedRelation: "tenants"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "approval_delegations_tenant_id_person_id_fkey"
            columns: ["tenant_id", "person_id"]
            isOneToOne: false
            referencedRelation: "memberships"
            referencedColumns: ["tenant_id", "user_id"]
          },
          {
            foreignKeyName: "approval_delegations_tenant_id_substitute_id_fkey"
            columns: ["tenant_id", "substitute_id"]
            isOneToOne: false
            referencedRelation: "memberships"
            referencedColumns: ["tenant_id", "user_id"]
          },
        ]
      }
      approval_doc_types: {
        Row: {
          active: boolean
          builtin: boolean
          created_at: string
          doc_type: string
          name: string
          tenant_id: string
        }
        Insert: {
          active?: boolean
          builtin?: boolean
          created_at?: string
          doc_type: string
          name: string
          tenant_id: string
        }
        Update: {
          active?: boolean
          builtin?: boolean
          created_at?: string
          doc_type?: string
          name?: string
          tenant_id?: string
        }
        Relationships: [
          {
            foreignKeyName: "approval_doc_types_tenant_id_fkey"
            columns: ["tenant_id"]
            isOneToOne: false
            referencedRelation: "tenants"
            referencedColumns: ["id"]
          },
        ]
      }
      approval_instance_steps: {
        Row: {
          activated_at: string | null
          assignees: string[]
          decided_at: string | null
          id: string
          instance_id: string
          mode: Database["public"]["Enums"]["approval_step_mode"]
          name: string
          position: number
          round: number
          status: Database["public"]["Enums"]["approval_step_status"]
          tenant_id: string
          vote_threshold: number | null
        }
        Insert: {
          activated_at?: string | null
          assignees: string[]
          decided_at?: string | null
          id?: string
          instance_id: string
          mode: Database["public"]["Enums"]["approval_step_mode"]
          name: string
          position: number
          round?: number
          status?: Database["public"]["Enums"]["approval_step_status"]
          tenant_id: string
          vote_threshold?: number | null
        }
        Update: {
          activated_at?: string | null
          assignees?: string[]
          decided_at?: string | null
          id?: string
          instance_id?: string
          mode?: Database["public"]["Enums"]["approval_step_mode"]
          name?: string
          position?: number
          round?: number
          status?: Database["public"]["Enums"]["approval_step_status"]
          tenant_id?: string
          vote_threshold?: number | null
        }
        Relationships: [
          {
            foreignKeyName: "approval_instance_steps_tenant_id_fkey"
            columns: ["tenant_id"]
            isOneToOne: false
            referencedRelation: "tenants"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "approval_instance_steps_tenant_id_instance_id_fkey"
            columns: ["tenant_id", "instance_id"]
            isOneToOne: false
            referencedRelation: "approval_instances"
            referencedColumns: ["tenant_id", "id"]
          },
        ]
      }
      approval_instances: {
        Row: {
          amount: number | null
          chain_id: string | null
          chain_snapshot: Json | null
          current_step: number | null
          decided_at: string | null
          doc_id: string
          doc_type: string
          facts: NonNullable<Json>
          facts_hash: string
          id: string
          requester_id: string
          status: Database["public"]["Enums"]["approval_status"]
          submitted_at: string
          tenant_id: string
          title: string | null
        }
        Insert: {
          amount?: number | null
          chain_id?: string | null
          chain_snapshot?: Json | null
          current_step?: number | null
          decided_at?: string | null
          doc_id: string
          doc_type: string
          facts: NonNullable<Json>
          facts_hash: string
          id?: string
          requester_id: string
          status?: Database["public"]["Enums"]["approval_status"]
          submitted_at?: string
          tenant_id: string
          title?: string | null
        }
        Update: {
          amount?: number | null
          chain_id?: string | null
          chain_snapshot?: Json | null
          current_step?: number | null
          decided_at?: string | null
          doc_id?: string
          doc_type?: string
          facts?: NonNullable<Json>
          facts_hash?: string
          id?: string
          requester_id?: string
          status?: Database["public"]["Enums"]["approval_status"]
          submitted_at?: string
          tenant_id?: string
          title?: string | null
        }
        Relationships: [
          {
            foreignKeyName: "approval_instances_tenant_id_chain_id_fkey"
            columns: ["tenant_id", "chain_id"]
            isOneToOne: false
            referencedRelation: "approval_chains"
            referencedColumns: ["tenant_id", "id"]
          },
          {
            foreignKeyName: "approval_instances_tenant_id_doc_type_fkey"
            columns: ["tenant_id", "doc_type"]
            isOneToOne: false
            referencedRelation: "approval_doc_types"
            referencedColumns: ["tenant_id", "doc_type"]
          },
          {
            foreignKeyName: "approval_instances_tenant_id_fkey"
            columns: ["tenant_id"]
            isOneToOne: false
            referencedRelation: "tenants"
            referencedColumns: ["id"]
          },
        ]
      }
      approval_settings: {
        Row: {
          allow_self_approval: boolean
          id: string
          overdue_hours: number
          require_approval_without_chain: boolean
          tenant_id: string
          updated_at: string
        }
        Insert: {
          allow_self_approval?: boolean
          id?: string
          overdue_hours?: number
          require_approval_without_chain?: boolean
          tenant_id: string
          updated_at?: string
        }
        Update: {
          allow_self_approval?: boolean
          id?: string
          overdue_hours?: number
          require_approval_without_chain?: boolean
          tenant_id?: string
          updated_at?: string
        }
        Relationships: [
          {
            foreignKeyName: "approval_settings_tenant_id_fkey"
            columns: ["tenant_id"]
            isOneToOne: true
            referencedRelation: "tenants"
            referencedColumns: ["id"]
          },
        ]
      }
      approval_step_approvers: {
        Row: {
          id: string
          kind: Database["public"]["Enums"]["approver_kind"]
          levels: number
          role_id: string | null
          step_id: string
          tenant_id: string
          user_id: string | null
        }
        Insert: {
          id?: string
          kind: Database["public"]["Enums"]["approver_kind"]
          levels?: number
          role_id?: string | null
          step_id: string
          tenant_id: string
          user_id?: string | null
        }
        Update: {
          id?: string
          kind?: Database["public"]["Enums"]["approver_kind"]
          levels?: number
          role_id?: string | null
          step_id?: string
          tenant_id?: string
          user_id?: string | null
        }
        Relationships: [
          {
            foreignKeyName: "approval_step_approvers_tenant_id_fkey"
            columns: ["tenant_id"]
            isOneToOne: false
            referencedRelation: "tenants"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "approval_step_approvers_tenant_id_role_id_fkey"
            columns: ["tenant_id", "role_id"]
            isOneToOne: false
            referencedRelation: "roles"
            referencedColumns: ["tenant_id", "id"]
          },
          {
            foreignKeyName: "approval_step_approvers_tenant_id_step_id_fkey"
            columns: ["tenant_id", "step_id"]
            isOneToOne: false
            referencedRelation: "approval_chain_steps"
            referencedColumns: ["tenant_id", "id"]
          },
          {
            foreignKeyName: "approval_step_approvers_tenant_id_user_id_fkey"
            columns: ["tenant_id", "user_id"]
            isOneToOne: false
            referencedRelation: "memberships"
            referencedColumns: ["tenant_id", "user_id"]
          },
        ]
      }
      approval_tasks: {
        Row: {
          acted_at: string | null
          acted_by: string | null
          assignee_id: string
          comment: string | null
          created_at: string
          doc_id: string
          doc_type: string
          id: string
          instance_id: string
          kind: Database["public"]["Enums"]["approval_task_kind"]
          on_behalf_of: string | null
          round: number
          status: Database["public"]["Enums"]["approval_task_status"]
          step_id: string | null
          tenant_id: string
          transferred_from: string | null
        }
        Insert: {
          acted_at?: string | null
          acted_by?: string | null
          assignee_id: string
          comment?: string | null
          created_at?: string
          doc_id: string
          doc_type: string
          id?: string
          instance_id: string
          kind: Database["public"]["Enums"]["approval_task_kind"]
          on_behalf_of?: string | null
          round: number
          status: Database["public"]["Enums"]["approval_task_status"]
          step_id?: string | null
          tenant_id: string
          transferred_from?: string | null
        }
        Update: {
          acted_at?: string | null
          acted_by?: string | null
          assignee_id?: string
          comment?: string | null
          created_at?: string
          doc_id?: string
          doc_type?: string
          id?: string
          instance_id?: string
          kind?: Database["public"]["Enums"]["approval_task_kind"]
          on_behalf_of?: string | null
          round?: number
          status?: Database["public"]["Enums"]["approval_task_status"]
          step_id?: string | null
          tenant_id?: string
          transferred_from?: string | null
        }
        Relationships: [
          {
            foreignKeyName: "approval_tasks_tenant_id_fkey"
            columns: ["tenant_id"]
            isOneToOne: false
            referencedRelation: "tenants"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "approval_tasks_tenant_id_instance_id_fkey"
            columns: ["tenant_id", "instance_id"]
            isOneToOne: false
            referencedRelation: "approval_instances"
            referencedColumns: ["tenant_id", "id"]
          },
          {
            foreignKeyName: "approval_tasks_tenant_id_step_id_fkey"
            columns: ["tenant_id", "step_id"]
            isOneToOne: false
            referencedRelation: "approval_instance_steps"
            referencedColumns: ["tenant_id", "id"]
          },
          {
            foreignKeyName: "approval_tasks_tenant_id_transferred_from_fkey"
            columns: ["tenant_id", "transferred_from"]
            isOneToOne: false
            referencedRelation: "approval_tasks"
            referencedColumns: ["tenant_id", "id"]
          },
        ]
      }
      audit_log: {
        Row: {
          action: string
          actor_id: string | null
          at: string
          id: number
          new_values: Json | null
          old_values: Json | null
          on_behalf_of: string | null
          row_id: string
          table_name: string
          tenant_id: string
        }
        Insert: {
          action: string
          actor_id?: string | null
          at?: string
          id?: never
          new_values?: Json | null
          old_values?: Json | null
          on_behalf_of?: string | null
          row_id: string
          table_name: string
          tenant_id: string
        }
        Update: {
          action?: string
          actor_id?: string | null
          at?: string
          id?: never
          new_values?: Json | null
          old_values?: Json | null
          on_behalf_of?: string | null
          row_id?: string
          table_name?: string
          tenant_id?: string
        }
        Relationships: [
          {
            foreignKeyName: "audit_log_tenant_id_fkey"
            columns: ["tenant_id"]
            isOneToOne: false
            referencedRelation: "tenants"
            referencedColumns: ["id"]
          },
        ]
      }
      bank_accounts: {
        Row: {
          account_id: string
          account_number: string
          active: boolean
          bank_name: string | null
          created_at: string
          currency: string
          id: string
          name: string
          tenant_id: string
          updated_at: string
        }
        Insert: {
          account_id: string
          account_number: string
          active?: boolean
          bank_name?: string | null
          created_at?: string
          currency?: string
          id?: string
          name: string
          tenant_id: string
          updated_at?: string
        }
        Update: {
          account_id?: string
          account_number?: string
          active?: boolean
          bank_name?: string | null
          created_at?: string
          currency?: string
          id?: string
          name?: string
          tenant_id?: string
          updated_at?: string
        }
        Relationships: [
          {
            foreignKeyName: "bank_accounts_tenant_id_account_id_fkey"
            columns: ["tenant_id", "account_id"]
            isOneToOne: false
            referencedRelation: "accounts"
            referencedColumns: ["tenant_id", "id"]
          },
          {
            foreignKeyName: "bank_accounts_tenant_id_fkey"
            columns: ["tenant_id"]
            isOneToOne: false
            referencedRelation: "tenants"
            referencedColumns: ["id"]
          },
        ]
      }
      bank_statement_lines: {
        Row: {
          amount: number
          balance: number | null
          bank_account_id: string
          booked: boolean
          counterparty_account: string | null
          counterparty_name: string | null
          created_at: string
          currency: string
          dedupe_key: string
          id: string
          line_no: number
          matched_document_id: string | null
          matched_voucher_id: string | null
          memo: string | null
          reconciled_at: string | null
          reconciled_by: string | null
          reference: string | null
          result: Json | null
          source_line: number | null
          statement_id: string
          status: string
          tenant_id: string
          txn_date: string
          value_date: string | null
        }
        Insert: {
          amount: number
          balance?: number | null
          bank_account_id: string
          booked?: boolean
          counterparty_account?: string | null
          counterparty_name?: string | null
          created_at?: string
          currency: string
          dedupe_key: string
          id?: string
          line_no: number
          matched_document_id?: string | null
          matched_voucher_id?: string | null
          memo?: string | null
          reconciled_at?: string | null
          reconciled_by?: string | null
          reference?: string | null
          result?: Json | null
          source_line?: number | null
          statement_id: string
          status?: string
          tenant_id: string
          txn_date: string
          value_date?: string | null
        }
        Update: {
          amount?: number
          balance?: number | null
          bank_account_id?: string
          booked?: boolean
          counterparty_account?: string | null
          counterparty_name?: string | null
          created_at?: string
          currency?: string
          dedupe_key?: string
          id?: string
          line_no?: number
          matched_document_id?: string | null
          matched_voucher_id?: string | null
          memo?: string | null
          reconciled_at?: string | null
          reconciled_by?: string | null
          reference?: string | null
          result?: Json | null
          source_line?: number | null
          statement_id?: string
          status?: string
          tenant_id?: string
          txn_date?: string
          value_date?: string | null
        }
        Relationships: [
          {
            foreignKeyName: "bank_statement_lines_tenant_id_bank_account_id_fkey"
            columns: ["tenant_id", "bank_account_id"]
            isOneToOne: false
            referencedRelation: "bank_accounts"
            referencedColumns: ["tenant_id", "id"]
          },
          {
            foreignKeyName: "bank_statement_lines_tenant_id_fkey"
            columns: ["tenant_id"]
            isOneToOne: false
            referencedRelation: "tenants"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "bank_statement_lines_tenant_id_matched_document_id_fkey"
            columns: ["tenant_id", "matched_document_id"]
            isOneToOne: false
            referencedRelation: "ledger_documents"
            referencedColumns: ["tenant_id", "id"]
          },
          {
            foreignKeyName: "bank_statement_lines_tenant_id_matched_voucher_id_fkey"
            columns: ["tenant_id", "matched_voucher_id"]
            isOneToOne: false
            referencedRelation: "vouchers"
            referencedColumns: ["tenant_id", "id"]
          },
          {
            foreignKeyName: "bank_statement_lines_tenant_id_statement_id_fkey"
            columns: ["tenant_id", "statement_id"]
            isOneToOne: false
            referencedRelation: "bank_statements"
            referencedColumns: ["tenant_id", "id"]
          },
        ]
      }
      bank_statement_templates: {
        Row: {
          bank_account_id: string
          columns: NonNullable<Json>
          created_at: string
          date_order: string
          headers: string[]
          id: string
          invert_sign: boolean
          signature: string
          tenant_id: string
          updated_at: string
        }
        Insert: {
          bank_account_id: string
          columns: NonNullable<Json>
          created_at?: string
          date_order?: string
          headers?: string[]
          id?: string
          invert_sign?: boolean
          signature: string
          tenant_id: string
          updated_at?: string
        }
        Update: {
          bank_account_id?: string
          columns?: NonNullable<Json>
          created_at?: string
          date_order?: string
          headers?: string[]
          id?: string
          invert_sign?: boolean
          signature?: string
          tenant_id?: string
          updated_at?: string
        }
        Relationships: [
          {
            foreignKeyName: "bank_statement_templates_tenant_id_bank_account_id_fkey"
            columns: ["tenant_id", "bank_account_id"]
            isOneToOne: false
            referencedRelation: "bank_accounts"
            referencedColumns: ["tenant_id", "id"]
          },
          {
            foreignKeyName: "bank_statement_templates_tenant_id_fkey"
            columns: ["tenant_id"]
            isOneToOne: false
            referencedRelation: "tenants"
            referencedColumns: ["id"]
          },
        ]
      }
      bank_statements: {
        Row: {
          bank_account_id: string
          closing_balance: number | null
          created_at: string
          currency: string
          file_hash: string
          file_name: string
          format: string
          id: string
          imported_by: string | null
          imported_count: number
          line_count: number
          opening_balance: number | null
          period_end: string | null
          period_start: string | null
          skipped_count: number
          statement_ref: string | null
          tenant_id: string
        }
        Insert: {
          bank_account_id: string
          closing_balance?: number | null
          created_at?: string
          currency: string
          file_hash: string
          file_name: string
          format: string
          id?: string
          imported_by?: string | null
          imported_count?: number
          line_count?: number
          opening_balance?: number | null
          period_end?: string | null
          period_start?: string | null
          skipped_count?: number
          statement_ref?: string | null
          tenant_id: string
        }
        Update: {
          bank_account_id?: string
          closing_balance?: number | null
          created_at?: string
          currency?: string
          file_hash?: string
          file_name?: string
          format?: string
          id?: string
          imported_by?: string | null
          imported_count?: number
          line_count?: number
          opening_balance?: number | null
          period_end?: string | null
          period_start?: string | null
          skipped_count?: number
          statement_ref?: string | null
          tenant_id?: string
        }
        Relationships: [
          {
            foreignKeyName: "bank_statements_tenant_id_bank_account_id_fkey"
            columns: ["tenant_id", "bank_account_id"]
            isOneToOne: false
            referencedRelation: "bank_accounts"
            referencedColumns: ["tenant_id", "id"]
          },
          {
            foreignKeyName: "bank_statements_tenant_id_fkey"
            columns: ["tenant_id"]
            isOneToOne: false
            referencedRelation: "tenants"
            referencedColumns: ["id"]
          },
        ]
      }
      cash_flow_items: {
        Row: {
          activity: string
          code: string
          direction: string
          name: string
          sort: number
        }
        Insert: {
          activity: string
          code: string
          direction: string
          name: string
          sort: number
        }
        Update: {
          activity?: string
          code?: string
          direction?: string
          name?: string
          sort?: number
        }
        Relationships: []
      }
      cash_flow_rules: {
        Row: {
          account_id: string
          direction: Database["public"]["Enums"]["cash_flow_direction"]
          id: string
          item_code: string
          tenant_id: string
          updated_at: string
        }
        Insert: {
          account_id: string
          direction: Database["public"]["Enums"]["cash_flow_direction"]
          id?: string
          item_code: string
          tenant_id: string
          updated_at?: string
        }
        Update: {
          account_id?: string
          direction?: Database["public"]["Enums"]["cash_flow_direction"]
          id?: string
          item_code?: string
          tenant_id?: string
          updated_at?: string
        }
        Relationships: [
          {
            foreignKeyName: "cash_flow_rules_item_code_fkey"
            columns: ["item_code"]
            isOneToOne: false
            referencedRelation: "cash_flow_items"
            referencedColumns: ["code"]
          },
          {
            foreignKeyName: "cash_flow_rules_tenant_id_account_id_fkey"
            columns: ["tenant_id", "account_id"]
            isOneToOne: false
            referencedRelation: "accounts"
            referencedColumns: ["tenant_id", "id"]
          },
          {
            foreignKeyName: "cash_flow_rules_tenant_id_fkey"
            columns: ["tenant_id"]
            isOneToOne: false
            referencedRelation: "tenants"
            referencedColumns: ["id"]
          },
        ]
      }
      departments: {
        Row: {
          created_at: string
          id: string
          manager_id: string | null
          name: string
          parent_id: string | null
          tenant_id: string
        }
        Insert: {
          created_at?: string
          id?: string
          manager_id?: string | null
          name: string
          parent_id?: string | null
          tenant_id: string
        }
        Update: {
          created_at?: string
          id?: string
          manager_id?: string | null
          name?: string
          parent_id?: string | null
          tenant_id?: string
        }
        Relationships: [
          {
            foreignKeyName: "departments_tenant_id_fkey"
            columns: ["tenant_id"]
            isOneToOne: false
            referencedRelation: "tenants"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "departments_tenant_id_manager_id_fkey"
            columns: ["tenant_id", "manager_id"]
            isOneToOne: false
            referencedRelation: "memberships"
            referencedColumns: ["tenant_id", "user_id"]
          },
          {
            foreignKeyName: "departments_tenant_id_parent_id_fkey"
            columns: ["tenant_id", "parent_id"]
            isOneToOne: false
            referencedRelation: "departments"
            referencedColumns: ["tenant_id", "id"]
          },
        ]
      }
      document_sequence_counters: {
        Row: {
          doc_type: string
          last_number: number
          period_key: string
          tenant_id: string
        }
        Insert: {
          doc_type: string
          last_number: number
          period_key: string
          tenant_id: string
        }
        Update: {
          doc_type?: string
          last_number?: number
          period_key?: string
          tenant_id?: string
        }
        Relationships: [
          {
            foreignKeyName: "document_sequence_counters_tenant_id_doc_type_fkey"
            columns: ["tenant_id", "doc_type"]
            isOneToOne: false
            referencedRelation: "document_sequences"
            referencedColumns: ["tenant_id", "doc_type"]
          },
        ]
      }
      document_sequences: {
        Row: {
          created_at: string
          doc_type: string
          name: string
          padding: number
          prefix: string
          reset_every: Database["public"]["Enums"]["sequence_reset"]
          tenant_id: string
          updated_at: string
        }
        Insert: {
          created_at?: string
          doc_type: string
          name: string
          padding?: number
          prefix: string
          reset_every?: Database["public"]["Enums"]["sequence_reset"]
          tenant_id: string
          updated_at?: string
        }
        Update: {
          created_at?: string
          doc_type?: string
          name?: string
          padding?: number
          prefix?: string
          reset_every?: Database["public"]["Enums"]["sequence_reset"]
          tenant_id?: string
          updated_at?: string
        }
        Relationships: [
          {
            foreignKeyName: "document_sequences_tenant_id_fkey"
            columns: ["tenant_id"]
            isOneToOne: false
            referencedRelation: "tenants"
            referencedColumns: ["id"]
          },
        ]
      }
      expense_categories: {
        Row: {
          account_id: string
          id: string
          name: string
          tenant_id: string
        }
        Insert: {
          account_id: string
          id?: string
          name: string
          tenant_id: string
        }
        Update: {
          account_id?: string
          id?: string
          name?: string
          tenant_id?: string
        }
        Relationships: [
          {
            foreignKeyName: "expense_categories_tenant_id_account_id_fkey"
            columns: ["tenant_id", "account_id"]
            isOneToOne: false
            referencedRelation: "accounts"
            referencedColumns: ["tenant_id", "id"]
          },
          {
            foreignKeyName: "expense_categories_tenant_id_fkey"
            columns: ["tenant_id"]
            isOneToOne: false
            referencedRelation: "tenants"
            referencedColumns: ["id"]
          },
        ]
      }
      expense_claim_lines: {
        Row: {
          amount: number
          category: string
          claim_id: string
          created_at: string
          description: string | null
          id: string
          invoice_type: Database["public"]["Enums"]["invoice_kind"]
          spent_on: string | null
          tax_amount: number
          tenant_id: string
        }
        Insert: {
          amount: number
          category: string
          claim_id: string
          created_at?: string
          description?: string | null
          id?: string
          invoice_type?: Database["public"]["Enums"]["invoice_kind"]
          spent_on?: string | null
          tax_amount?: number
          tenant_id: string
        }
        Update: {
          amount?: number
          category?: string
          claim_id?: string
          created_at?: string
          description?: string | null
          id?: string
          invoice_type?: Database["public"]["Enums"]["invoice_kind"]
          spent_on?: string | null
          tax_amount?: number
          tenant_id?: string
        }
        Relationships: [
          {
            foreignKeyName: "expense_claim_lines_tenant_id_claim_id_fkey"
            columns: ["tenant_id", "claim_id"]
            isOneToOne: false
            referencedRelation: "expense_claims"
            referencedColumns: ["tenant_id", "id"]
          },
          {
            foreignKeyName: "expense_claim_lines_tenant_id_fkey"
            columns: ["tenant_id"]
            isOneToOne: false
            referencedRelation: "tenants"
            referencedColumns: ["id"]
          },
        ]
      }
      expense_claims: {
        Row: {
          created_at: string
          department_id: string | null
          id: string
          note: string | null
          number: string
          project_id: string | null
          requester_id: string
          status: Database["public"]["Enums"]["oa_status"]
          tenant_id: string
          title: string
          total_amount: number
          total_tax: number
          updated_at: string
        }
        Insert: {
          created_at?: string
          department_id?: string | null
          id?: string
          note?: string | null
          number?: string
          project_id?: string | null
          requester_id?: string
          status?: Database["public"]["Enums"]["oa_status"]
          tenant_id: string
          title: string
          total_amount?: number
          total_tax?: number
          updated_at?: string
        }
        Update: {
          created_at?: string
          department_id?: string | null
          id?: string
          note?: string | null
          number?: string
          project_id?: string | null
          requester_id?: string
          status?: Database["public"]["Enums"]["oa_status"]
          tenant_id?: string
          title?: string
          total_amount?: number
          total_tax?: number
          updated_at?: string
        }
        Relationships: [
          {
            foreignKeyName: "expense_claims_tenant_id_department_id_fkey"
            columns: ["tenant_id", "department_id"]
            isOneToOne: false
            referencedRelation: "departments"
            referencedColumns: ["tenant_id", "id"]
          },
          {
            foreignKeyName: "expense_claims_tenant_id_fkey"
            columns: ["tenant_id"]
            isOneToOne: false
            referencedRelation: "tenants"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "expense_claims_tenant_id_project_id_fkey"
            columns: ["tenant_id", "project_id"]
            isOneToOne: false
            referencedRelation: "projects"
            referencedColumns: ["tenant_id", "id"]
          },
          {
            foreignKeyName: "expense_claims_tenant_id_requester_id_fkey"
            columns: ["tenant_id", "requester_id"]
            isOneToOne: false
            referencedRelation: "memberships"
            referencedColumns: ["tenant_id", "user_id"]
          },
        ]
      }
      fiscal_periods: {
        Row: {
          created_at: string
          end_date: string
          fiscal_year: number
          id: string
          period_no: number
          start_date: string
          status: Database["public"]["Enums"]["period_status"]
          tenant_id: string
          updated_at: string
        }
        Insert: {
          created_at?: string
          end_date: string
          fiscal_year: number
          id?: string
          period_no: number
          start_date: string
          status?: Database["public"]["Enums"]["period_status"]
          tenant_id: string
          updated_at?: string
        }
        Update: {
          created_at?: string
          end_date?: string
          fiscal_year?: number
          id?: string
          period_no?: number
          start_date?: string
          status?: Database["public"]["Enums"]["period_status"]
          tenant_id?: string
          updated_at?: string
        }
        Relationships: [
          {
            foreignKeyName: "fiscal_periods_tenant_id_fkey"
            columns: ["tenant_id"]
            isOneToOne: false
            referencedRelation: "tenants"
            referencedColumns: ["id"]
          },
        ]
      }
      follow_ups: {
        Row: {
          content: string
          created_at: string
          created_by: string | null
          happened_at: string
          id: string
          kind: Database["public"]["Enums"]["follow_up_kind"]
          lead_id: string | null
          next_action: string | null
          next_done_at: string | null
          next_follow_up_on: string | null
          opportunity_id: string | null
          owner_id: string | null
          party_id: string | null
          tenant_id: string
          updated_at: string
        }
        Insert: {
          content: string
          created_at?: string
          created_by?: string | null
          happened_at?: string
          id?: string
          kind?: Database["public"]["Enums"]["follow_up_kind"]
          lead_id?: string | null
          next_action?: string | null
          next_done_at?: string | null
          next_follow_up_on?: string | null
          opportunity_id?: string | null
          owner_id?: string | null
          party_id?: string | null
          tenant_id: string
          updated_at?: string
        }
        Update: {
          content?: string
          created_at?: string
          created_by?: string | null
          happened_at?: string
          id?: string
          kind?: Database["public"]["Enums"]["follow_up_kind"]
          lead_id?: string | null
          next_action?: string | null
          next_done_at?: string | null
          next_follow_up_on?: string | null
          opportunity_id?: string | null
          owner_id?: string | null
          party_id?: string | null
          tenant_id?: string
          updated_at?: string
        }
        Relationships: [
          {
            foreignKeyName: "follow_ups_tenant_id_fkey"
            columns: ["tenant_id"]
            isOneToOne: false
            referencedRelation: "tenants"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "follow_ups_tenant_id_lead_id_fkey"
            columns: ["tenant_id", "lead_id"]
            isOneToOne: false
            referencedRelation: "leads"
            referencedColumns: ["tenant_id", "id"]
          },
          {
            foreignKeyName: "follow_ups_tenant_id_opportunity_id_fkey"
            columns: ["tenant_id", "opportunity_id"]
            isOneToOne: false
            referencedRelation: "opportunities"
            referencedColumns: ["tenant_id", "id"]
          },
          {
            foreignKeyName: "follow_ups_tenant_id_party_id_fkey"
            columns: ["tenant_id", "party_id"]
            isOneToOne: false
            referencedRelation: "parties"
            referencedColumns: ["tenant_id", "id"]
          },
        ]
      }
      general_requests: {
        Row: {
          amount: number | null
          created_at: string
          department_id: string | null
          doc_type: string
          form: NonNullable<Json>
          id: string
          number: string
          requester_id: string
          status: Database["public"]["Enums"]["oa_status"]
          tenant_id: string
          title: string
          updated_at: string
        }
        Insert: {
          amount?: number | null
          created_at?: string
          department_id?: string | null
          doc_type?: string
          form?: NonNullable<Json>
          id?: string
          number?: string
          requester_id?: string
          status?: Database["public"]["Enums"]["oa_status"]
          tenant_id: string
          title: string
          updated_at?: string
        }
        Update: {
          amount?: number | null
          created_at?: string
          department_id?: string | null
          doc_type?: string
          form?: NonNullable<Json>
          id?: string
          number?: string
          requester_id?: string
          status?: Database["public"]["Enums"]["oa_status"]
          tenant_id?: string
          title?: string
          updated_at?: string
        }
        Relationships: [
          {
            foreignKeyName: "general_requests_tenant_id_department_id_fkey"
            columns: ["tenant_id", "department_id"]
            isOneToOne: false
            referencedRelation: "departments"
            referencedColumns: ["tenant_id", "id"]
          },
          {
            foreignKeyName: "general_requests_tenant_id_doc_type_fkey"
            columns: ["tenant_id", "doc_type"]
            isOneToOne: false
            referencedRelation: "approval_doc_types"
            referencedColumns: ["tenant_id", "doc_type"]
          },
          {
            foreignKeyName: "general_requests_tenant_id_fkey"
            columns: ["tenant_id"]
            isOneToOne: false
            referencedRelation: "tenants"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "general_requests_tenant_id_requester_id_fkey"
            columns: ["tenant_id", "requester_id"]
            isOneToOne: false
            referencedRelation: "memberships"
            referencedColumns: ["tenant_id", "user_id"]
          },
        ]
      }
      invitations: {
        Row: {
          accepted_at: string | null
          accepted_by: string | null
          created_at: string
          email: string
          expires_at: string
          id: string
          invited_by: string | null
          revoked_at: string | null
          revoked_by: string | null
          role_keys: string[]
          tenant_id: string
          token_hash: string
        }
        Insert: {
          accepted_at?: string | null
          accepted_by?: string | null
          created_at?: string
          email: string
          expires_at?: string
          id?: string
          invited_by?: string | null
          revoked_at?: string | null
          revoked_by?: string | null
          role_keys: string[]
          tenant_id: string
          token_hash: string
        }
        Update: {
          accepted_at?: string | null
          accepted_by?: string | null
          created_at?: string
          email?: string
          expires_at?: string
          id?: string
          invited_by?: string | null
          revoked_at?: string | null
          revoked_by?: string | null
          role_keys?: string[]
          tenant_id?: string
          token_hash?: string
        }
        Relationships: [
          {
            foreignKeyName: "invitations_tenant_id_fkey"
            columns: ["tenant_id"]
            isOneToOne: false
            referencedRelation: "tenants"
            referencedColumns: ["id"]
          },
        ]
      }
      item_categories: {
        Row: {
          active: boolean
          code: string
          created_at: string
          id: string
          name: string
          parent_id: string | null
          tenant_id: string
          updated_at: string
        }
        Insert: {
          active?: boolean
          code: string
          created_at?: string
          id?: string
          name: string
          parent_id?: string | null
          tenant_id: string
          updated_at?: string
        }
        Update: {
          active?: boolean
          code?: string
          created_at?: string
          id?: string
          name?: string
          parent_id?: string | null
          tenant_id?: string
          updated_at?: string
        }
        Relationships: [
          {
            foreignKeyName: "item_categories_tenant_id_fkey"
            columns: ["tenant_id"]
            isOneToOne: false
            referencedRelation: "tenants"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "item_categories_tenant_id_parent_id_fkey"
            columns: ["tenant_id", "parent_id"]
            isOneToOne: false
            referencedRelation: "item_categories"
            referencedColumns: ["tenant_id", "id"]
          },
        ]
      }
      item_prices: {
        Row: {
          created_at: string
          id: string
          item_id: string
          min_quantity: number
          party_id: string | null
          price: number
          tax_inclusive: boolean
          tenant_id: string
          unit: string | null
          updated_at: string
          valid_from: string
          valid_to: string | null
        }
        Insert: {
          created_at?: string
          id?: string
          item_id: string
          min_quantity?: number
          party_id?: string | null
          price: number
          tax_inclusive?: boolean
          tenant_id: string
          unit?: string | null
          updated_at?: string
          valid_from?: string
          valid_to?: string | null
        }
        Update: {
          created_at?: string
          id?: string
          item_id?: string
          min_quantity?: number
          party_id?: string | null
          price?: number
          tax_inclusive?: boolean
          tenant_id?: string
          unit?: string | null
          updated_at?: string
          valid_from?: string
          valid_to?: string | null
        }
        Relationships: [
          {
            foreignKeyName: "item_prices_tenant_id_fkey"
            columns: ["tenant_id"]
            isOneToOne: false
            referencedRelation: "tenants"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "item_prices_tenant_id_item_id_fkey"
            columns: ["tenant_id", "item_id"]
            isOneToOne: false
            referencedRelation: "item_availability"
            referencedColumns: ["tenant_id", "item_id"]
          },
          {
            foreignKeyName: "item_prices_tenant_id_item_id_fkey"
            columns: ["tenant_id", "item_id"]
            isOneToOne: false
            referencedRelation: "items"
            referencedColumns: ["tenant_id", "id"]
          },
          {
            foreignKeyName: "item_prices_tenant_id_party_id_fkey"
            columns: ["tenant_id", "party_id"]
            isOneToOne: false
            referencedRelation: "parties"
            referencedColumns: ["tenant_id", "id"]
          },
        ]
      }
      item_units: {
        Row: {
          barcode: string | null
          created_at: string
          factor: number
          id: string
          item_id: string
          tenant_id: string
          unit: string
          updated_at: string
        }
        Insert: {
          barcode?: string | null
          created_at?: string
          factor: number
          id?: string
          item_id: string
          tenant_id: string
          unit: string
          updated_at?: string
        }
        Update: {
          barcode?: string | null
          created_at?: string
          factor?: number
          id?: string
          item_id?: string
          tenant_id?: string
          unit?: string
          updated_at?: string
        }
        Relationships: [
          {
            foreignKeyName: "item_units_tenant_id_fkey"
            columns: ["tenant_id"]
            isOneToOne: false
            referencedRelation: "tenants"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "item_units_tenant_id_item_id_fkey"
            columns: ["tenant_id", "item_id"]
            isOneToOne: false
            referencedRelation: "item_availability"
            referencedColumns: ["tenant_id", "item_id"]
          },
          {
            foreignKeyName: "item_units_tenant_id_item_id_fkey"
            columns: ["tenant_id", "item_id"]
            isOneToOne: false
            referencedRelation: "items"
            referencedColumns: ["tenant_id", "id"]
          },
        ]
      }
      item_wishes: {
        Row: {
          created_at: string
          created_by: string | null
          id: string
          item_id: string
          note: string | null
          party_id: string
          tenant_id: string
        }
        Insert: {
          created_at?: string
          created_by?: string | null
          id?: string
          item_id: string
          note?: string | null
          party_id: string
          tenant_id: string
        }
        Update: {
          created_at?: string
          created_by?: string | null
          id?: string
          item_id?: string
          note?: string | null
          party_id?: string
          tenant_id?: string
        }
        Relationships: [
          {
            foreignKeyName: "item_wishes_tenant_id_fkey"
            columns: ["tenant_id"]
            isOneToOne: false
            referencedRelation: "tenants"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "item_wishes_tenant_id_item_id_fkey"
            columns: ["tenant_id", "item_id"]
            isOneToOne: false
            referencedRelation: "item_availability"
            referencedColumns: ["tenant_id", "item_id"]
          },
          {
            foreignKeyName: "item_wishes_tenant_id_item_id_fkey"
            columns: ["tenant_id", "item_id"]
            isOneToOne: false
            referencedRelation: "items"
            referencedColumns: ["tenant_id", "id"]
          },
          {
            foreignKeyName: "item_wishes_tenant_id_party_id_fkey"
            columns: ["tenant_id", "party_id"]
            isOneToOne: false
            referencedRelation: "parties"
            referencedColumns: ["tenant_id", "id"]
          },
        ]
      }
      items: {
        Row: {
          active: boolean
          barcode: string | null
          category: string | null
          category_id: string | null
          created_at: string
          id: string
          input_tax_code: string | null
          is_stock: boolean
          name: string
          output_tax_code: string | null
          preferred_supplier_id: string | null
          purchase_price: number | null
          reorder_point: number | null
          reorder_quantity: number | null
          safety_stock: number
          sale_price: number | null
          sku: string
          spec: string | null
          tax_classification_code: string | null
          tenant_id: string
          unit: string
          updated_at: string
        }
        Insert: {
          active?: boolean
          barcode?: string | null
          category?: string | null
          category_id?: string | null
          created_at?: string
          id?: string
          input_tax_code?: string | null
          is_stock?: boolean
          name: string
          output_tax_code?: string | null
          preferred_supplier_id?: string | null
          purchase_price?: number | null
          reorder_point?: number | null
          reorder_quantity?: number | null
          safety_stock?: number
          sale_price?: number | null
          sku: string
          spec?: string | null
          tax_classification_code?: string | null
          tenant_id: string
          unit?: string
          updated_at?: string
        }
        Update: {
          active?: boolean
          barcode?: string | null
          category?: string | null
          category_id?: string | null
          created_at?: string
          id?: string
          input_tax_code?: string | null
          is_stock?: boolean
          name?: string
          output_tax_code?: string | null
          preferred_supplier_id?: string | null
          purchase_price?: number | null
          reorder_point?: number | null
          reorder_quantity?: number | null
          safety_stock?: number
          sale_price?: number | null
          sku?: string
          spec?: string | null
          tax_classification_code?: string | null
          tenant_id?: string
          unit?: string
          updated_at?: string
        }
        Relationships: [
          {
            foreignKeyName: "items_tenant_id_category_id_fkey"
            columns: ["tenant_id", "category_id"]
            isOneToOne: false
            referencedRelation: "item_categories"
            referencedColumns: ["tenant_id", "id"]
          },
          {
            foreignKeyName: "items_tenant_id_fkey"
            columns: ["tenant_id"]
            isOneToOne: false
            referencedRelation: "tenants"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "items_tenant_id_preferred_supplier_id_fkey"
            columns: ["tenant_id", "preferred_supplier_id"]
            isOneToOne: false
            referencedRelation: "parties"
            referencedColumns: ["tenant_id", "id"]
          },
        ]
      }
      leads: {
        Row: {
          campaign: string | null
          company: string | null
          converted_at: string | null
          created_at: string
          email: string | null
          id: string
          lost_reason: string | null
          name: string
          note: string | null
          opportunity_id: string | null
          owner_id: string | null
          party_id: string | null
          phone: string | null
          source: string | null
          status: Database["public"]["Enums"]["lead_status"]
          tenant_id: string
          title: string | null
          updated_at: string
          wechat: string | null
        }
        Insert: {
          campaign?: string | null
          company?: string | null
          converted_at?: string | null
          created_at?: string
          email?: string | null
          id?: string
          lost_reason?: string | null
          name: string
          note?: string | null
          opportunity_id?: string | null
          owner_id?: string | null
          party_id?: string | null
          phone?: string | null
          source?: string | null
          status?: Database["public"]["Enums"]["lead_status"]
          tenant_id: string
          title?: string | null
          updated_at?: string
          wechat?: string | null
        }
        Update: {
          campaign?: string | null
          company?: string | null
          converted_at?: string | null
          created_at?: string
          email?: string | null
          id?: string
          lost_reason?: string | null
          name?: string
          note?: string | null
          opportunity_id?: string | null
          owner_id?: string | null
          party_id?: string | null
          phone?: string | null
          source?: string | null
          status?: Database["public"]["Enums"]["lead_status"]
          tenant_id?: string
          title?: string | null
          updated_at?: string
          wechat?: string | null
        }
        Relationships: [
          {
            foreignKeyName: "leads_tenant_id_fkey"
            columns: ["tenant_id"]
            isOneToOne: false
            referencedRelation: "tenants"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "leads_tenant_id_opportunity_id_fkey"
            columns: ["tenant_id", "opportunity_id"]
            isOneToOne: false
            referencedRelation: "opportunities"
            referencedColumns: ["tenant_id", "id"]
          },
          {
            foreignKeyName: "leads_tenant_id_party_id_fkey"
            columns: ["tenant_id", "party_id"]
            isOneToOne: false
            referencedRelation: "parties"
            referencedColumns: ["tenant_id", "id"]
          },
        ]
      }
      leave_requests: {
        Row: {
          created_at: string
          days: number
          department_id: string | null
          end_half: boolean
          ends_on: string
          id: string
          leave_type: Database["public"]["Enums"]["leave_type"]
          number: string
          reason: string | null
          requester_id: string
          start_half: boolean
          starts_on: string
          status: Database["public"]["Enums"]["oa_status"]
          tenant_id: string
          updated_at: string
        }
        Insert: {
          created_at?: string
          days?: number
          department_id?: string | null
          end_half?: boolean
          ends_on: string
          id?: string
          leave_type: Database["public"]["Enums"]["leave_type"]
          number?: string
          reason?: string | null
          requester_id?: string
          start_half?: boolean
          starts_on: string
          status?: Database["public"]["Enums"]["oa_status"]
          tenant_id: string
          updated_at?: string
        }
        Update: {
          created_at?: string
          days?: number
          department_id?: string | null
          end_half?: boolean
          ends_on?: string
          id?: string
          leave_type?: Database["public"]["Enums"]["leave_type"]
          number?: string
          reason?: string | null
          requester_id?: string
          start_half?: boolean
          starts_on?: string
          status?: Database["public"]["Enums"]["oa_status"]
          tenant_id?: string
          updated_at?: string
        }
        Relationships: [
          {
            foreignKeyName: "leave_requests_tenant_id_department_id_fkey"
            columns: ["tenant_id", "department_id"]
            isOneToOne: false
            referencedRelation: "departments"
            referencedColumns: ["tenant_id", "id"]
          },
          {
            foreignKeyName: "leave_requests_tenant_id_fkey"
            columns: ["tenant_id"]
            isOneToOne: false
            referencedRelation: "tenants"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "leave_requests_tenant_id_requester_id_fkey"
            columns: ["tenant_id", "requester_id"]
            isOneToOne: false
            referencedRelation: "memberships"
            referencedColumns: ["tenant_id", "user_id"]
          },
        ]
      }
      ledger_document_lines: {
        Row: {
          amount: number | null
          billed_quantity: number
          cost: number | null
          document_id: string
          id: string
          item_id: string | null
          line_no: number
          quantity: number | null
          source_line_id: string | null
          tax: number | null
          tenant_id: string
          total: number | null
          unit_price: number | null
          warehouse_id: string | null
        }
        Insert: {
          amount?: number | null
          billed_quantity?: number
          cost?: number | null
          document_id: string
          id?: string
          item_id?: string | null
          line_no: number
          quantity?: number | null
          source_line_id?: string | null
          tax?: number | null
          tenant_id: string
          total?: number | null
          unit_price?: number | null
          warehouse_id?: string | null
        }
        Update: {
          amount?: number | null
          billed_quantity?: number
          cost?: number | null
          document_id?: string
          id?: string
          item_id?: string | null
          line_no?: number
          quantity?: number | null
          source_line_id?: string | null
          tax?: number | null
          tenant_id?: string
          total?: number | null
          unit_price?: number | null
          warehouse_id?: string | null
        }
        Relationships: [
          {
            foreignKeyName: "ledger_document_lines_tenant_id_document_id_fkey"
            columns: ["tenant_id", "document_id"]
            isOneToOne: false
            referencedRelation: "ledger_documents"
            referencedColumns: ["tenant_id", "id"]
          },
          {
            foreignKeyName: "ledger_document_lines_tenant_id_fkey"
            columns: ["tenant_id"]
            isOneToOne: false
            referencedRelation: "tenants"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "ledger_document_lines_tenant_id_item_id_fkey"
            columns: ["tenant_id", "item_id"]
            isOneToOne: false
            referencedRelation: "item_availability"
            referencedColumns: ["tenant_id", "item_id"]
          },
          {
            foreignKeyName: "ledger_document_lines_tenant_id_item_id_fkey"
            columns: ["tenant_id", "item_id"]
            isOneToOne: false
            referencedRelation: "items"
            referencedColumns: ["tenant_id", "id"]
          },
          {
            foreignKeyName: "ledger_document_lines_tenant_id_source_line_id_fkey"
            columns: ["tenant_id", "source_line_id"]
            isOneToOne: false
            referencedRelation: "ledger_document_lines"
            referencedColumns: ["tenant_id", "id"]
          },
          {
            foreignKeyName: "ledger_document_lines_tenant_id_warehouse_id_fkey"
            columns: ["tenant_id", "warehouse_id"]
            isOneToOne: false
            referencedRelation: "warehouses"
            referencedColumns: ["tenant_id", "id"]
          },
        ]
      }
      ledger_documents: {
        Row: {
          created_at: string
          created_by: string | null
          doc_date: string
          doc_type: string
          id: string
          number: string | null
          party_id: string | null
          payload: NonNullable<Json>
          reversal_of: string | null
          reversed_by: string | null
          status: string
          tenant_id: string
          total: number | null
          voucher_id: string | null
          warehouse_id: string | null
        }
        Insert: {
          created_at?: string
          created_by?: string | null
          doc_date: string
          doc_type: string
          id?: string
          number?: string | null
          party_id?: string | null
          payload: NonNullable<Json>
          reversal_of?: string | null
          reversed_by?: string | null
          status?: string
          tenant_id: string
          total?: number | null
          voucher_id?: string | null
          warehouse_id?: string | null
        }
        Update: {
          created_at?: string
          created_by?: string | null
          doc_date?: string
          doc_type?: string
          id?: string
          number?: string | null
          party_id?: string | null
          payload?: NonNullable<Json>
          reversal_of?: string | null
          reversed_by?: string | null
          status?: string
          tenant_id?: string
          total?: number | null
          voucher_id?: string | null
          warehouse_id?: string | null
        }
        Relationships: [
          {
            foreignKeyName: "ledger_documents_tenant_id_fkey"
            columns: ["tenant_id"]
            isOneToOne: false
            referencedRelation: "tenants"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "ledger_documents_tenant_id_party_id_fkey"
            columns: ["tenant_id", "party_id"]
            isOneToOne: false
            referencedRelation: "parties"
            referencedColumns: ["tenant_id", "id"]
          },
          {
            foreignKeyName: "ledger_documents_tenant_id_reversal_of_fkey"
            columns: ["tenant_id", "reversal_of"]
            isOneToOne: false
            referencedRelation: "ledger_documents"
            referencedColumns: ["tenant_id", "id"]
          },
          {
            foreignKeyName: "ledger_documents_tenant_id_reversed_by_fkey"
            columns: ["tenant_id", "reversed_by"]
            isOneToOne: false
            referencedRelation: "ledger_documents"
            referencedColumns: ["tenant_id", "id"]
          },
          {
            foreignKeyName: "ledger_documents_tenant_id_voucher_id_fkey"
            columns: ["tenant_id", "voucher_id"]
            isOneToOne: false
            referencedRelation: "vouchers"
            referencedColumns: ["tenant_id", "id"]
          },
          {
            foreignKeyName: "ledger_documents_tenant_id_warehouse_id_fkey"
            columns: ["tenant_id", "warehouse_id"]
            isOneToOne: false
            referencedRelation: "warehouses"
            referencedColumns: ["tenant_id", "id"]
          },
        ]
      }
      ledger_settings: {
        Row: {
          allow_negative_stock: boolean
          id: string
          require_review: boolean
          tenant_id: string
          updated_at: string
        }
        Insert: {
          allow_negative_stock?: boolean
          id?: string
          require_review?: boolean
          tenant_id: string
          updated_at?: string
        }
        Update: {
          allow_negative_stock?: boolean
          id?: string
          require_review?: boolean
          tenant_id?: string
          updated_at?: string
        }
        Relationships: [
          {
            foreignKeyName: "ledger_settings_tenant_id_fkey"
            columns: ["tenant_id"]
            isOneToOne: true
            referencedRelation: "tenants"
            referencedColumns: ["id"]
          },
        ]
      }
      matching_rules: {
        Row: {
          account_id: string | null
          counterparty: string | null
          created_at: string
          created_by: string | null
          department_id: string | null
          direction: string
          hits: number
          id: string
          keyword: string | null
          kind: string
          learned: boolean
          party_id: string | null
          project_id: string | null
          tenant_id: string
          updated_at: string
        }
        Insert: {
          account_id?: string | null
          counterparty?: string | null
          created_at?: string
          created_by?: string | null
          department_id?: string | null
          direction?: string
          hits?: number
          id?: string
          keyword?: string | null
          kind: string
          learned?: boolean
          party_id?: string | null
          project_id?: string | null
          tenant_id: string
          updated_at?: string
        }
        Update: {
          account_id?: string | null
          counterparty?: string | null
          created_at?: string
          created_by?: string | null
          department_id?: string | null
          direction?: string
          hits?: number
          id?: string
          keyword?: string | null
          kind?: string
          learned?: boolean
          party_id?: string | null
          project_id?: string | null
          tenant_id?: string
          updated_at?: string
        }
        Relationships: [
          {
            foreignKeyName: "matching_rules_tenant_id_account_id_fkey"
            columns: ["tenant_id", "account_id"]
            isOneToOne: false
            referencedRelation: "accounts"
            referencedColumns: ["tenant_id", "id"]
          },
          {
            foreignKeyName: "matching_rules_tenant_id_department_id_fkey"
            columns: ["tenant_id", "department_id"]
            isOneToOne: false
            referencedRelation: "departments"
            referencedColumns: ["tenant_id", "id"]
          },
          {
            foreignKeyName: "matching_rules_tenant_id_fkey"
            columns: ["tenant_id"]
            isOneToOne: false
            referencedRelation: "tenants"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "matching_rules_tenant_id_party_id_fkey"
            columns: ["tenant_id", "party_id"]
            isOneToOne: false
            referencedRelation: "parties"
            referencedColumns: ["tenant_id", "id"]
          },
          {
            foreignKeyName: "matching_rules_tenant_id_project_id_fkey"
            columns: ["tenant_id", "project_id"]
            isOneToOne: false
            referencedRelation: "projects"
            referencedColumns: ["tenant_id", "id"]
          },
        ]
      }
      membership_roles: {
        Row: {
          role_id: string
          tenant_id: string
          user_id: string
        }
        Insert: {
          role_id: string
          tenant_id: string
          user_id: string
        }
        Update: {
          role_id?: string
          tenant_id?: string
          user_id?: string
        }
        Relationships: [
          {
            foreignKeyName: "membership_roles_tenant_id_role_id_fkey"
            columns: ["tenant_id", "role_id"]
            isOneToOne: false
            referencedRelation: "roles"
            referencedColumns: ["tenant_id", "id"]
          },
          {
            foreignKeyName: "membership_roles_tenant_id_user_id_fkey"
            columns: ["tenant_id", "user_id"]
            isOneToOne: false
            referencedRelation: "memberships"
            referencedColumns: ["tenant_id", "user_id"]
          },
        ]
      }
      memberships: {
        Row: {
          department_id: string | null
          display_name: string
          email: string | null
          joined_at: string
          tenant_id: string
          user_id: string
        }
        Insert: {
          department_id?: string | null
          display_name?: string
          email?: string | null
          joined_at?: string
          tenant_id: string
          user_id: string
        }
        Update: {
          department_id?: string | null
          display_name?: string
          email?: string | null
          joined_at?: string
          tenant_id?: string
          user_id?: string
        }
        Relationships: [
          {
            foreignKeyName: "memberships_tenant_id_department_id_fkey"
            columns: ["tenant_id", "department_id"]
            isOneToOne: false
            referencedRelation: "departments"
            referencedColumns: ["tenant_id", "id"]
          },
          {
            foreignKeyName: "memberships_tenant_id_fkey"
            columns: ["tenant_id"]
            isOneToOne: false
            referencedRelation: "tenants"
            referencedColumns: ["id"]
          },
        ]
      }
      open_items: {
        Row: {
          account_id: string
          amount: number
          created_at: string
          doc_date: string
          due_date: string
          id: string
          kind: Database["public"]["Enums"]["open_item_kind"]
          outstanding: number
          party_id: string
          source_id: string | null
          source_type: string | null
          tenant_id: string
          voucher_id: string
        }
        Insert: {
          account_id: string
          amount: number
          created_at?: string
          doc_date: string
          due_date: string
          id?: string
          kind: Database["public"]["Enums"]["open_item_kind"]
          outstanding: number
          party_id: string
          source_id?: string | null
          source_type?: string | null
          tenant_id: string
          voucher_id: string
        }
        Update: {
          account_id?: string
          amount?: number
          created_at?: string
          doc_date?: string
          due_date?: string
          id?: string
          kind?: Database["public"]["Enums"]["open_item_kind"]
          outstanding?: number
          party_id?: string
          source_id?: string | null
          source_type?: string | null
          tenant_id?: string
          voucher_id?: string
        }
        Relationships: [
          {
            foreignKeyName: "open_items_tenant_id_account_id_fkey"
            columns: ["tenant_id", "account_id"]
            isOneToOne: false
            referencedRelation: "accounts"
            referencedColumns: ["tenant_id", "id"]
          },
          {
            foreignKeyName: "open_items_tenant_id_fkey"
            columns: ["tenant_id"]
            isOneToOne: false
            referencedRelation: "tenants"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "open_items_tenant_id_party_id_fkey"
            columns: ["tenant_id", "party_id"]
            isOneToOne: false
            referencedRelation: "parties"
            referencedColumns: ["tenant_id", "id"]
          },
          {
            foreignKeyName: "open_items_tenant_id_voucher_id_fkey"
            columns: ["tenant_id", "voucher_id"]
            isOneToOne: false
            referencedRelation: "vouchers"
            referencedColumns: ["tenant_id", "id"]
          },
        ]
      }
      opportunities: {
        Row: {
          closed_at: string | null
          created_at: string
          expected_amount: number | null
          expected_close_on: string | null
          id: string
          lead_id: string | null
          lost_reason: string | null
          name: string
          note: string | null
          owner_id: string | null
          party_id: string
          probability: number | null
          stage_id: string | null
          tenant_id: string
          updated_at: string
        }
        Insert: {
          closed_at?: string | null
          created_at?: string
          expected_amount?: number | null
          expected_close_on?: string | null
          id?: string
          lead_id?: string | null
          lost_reason?: string | null
          name: string
          note?: string | null
          owner_id?: string | null
          party_id: string
          probability?: number | null
          stage_id?: string | null
          tenant_id: string
          updated_at?: string
        }
        Update: {
          closed_at?: string | null
          created_at?: string
          expected_amount?: number | null
          expected_close_on?: string | null
          id?: string
          lead_id?: string | null
          lost_reason?: string | null
          name?: string
          note?: string | null
          owner_id?: string | null
          party_id?: string
          probability?: number | null
          stage_id?: string | null
          tenant_id?: string
          updated_at?: string
        }
        Relationships: [
          {
            foreignKeyName: "opportunities_tenant_id_fkey"
            columns: ["tenant_id"]
            isOneToOne: false
            referencedRelation: "tenants"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "opportunities_tenant_id_lead_id_fkey"
            columns: ["tenant_id", "lead_id"]
            isOneToOne: false
            referencedRelation: "leads"
            referencedColumns: ["tenant_id", "id"]
          },
          {
            foreignKeyName: "opportunities_tenant_id_party_id_fkey"
            columns: ["tenant_id", "party_id"]
            isOneToOne: false
            referencedRelation: "parties"
            referencedColumns: ["tenant_id", "id"]
          },
          {
            foreignKeyName: "opportunities_tenant_id_stage_id_fkey"
            columns: ["tenant_id", "stage_id"]
            isOneToOne: false
            referencedRelation: "opportunity_stages"
            referencedColumns: ["tenant_id", "id"]
          },
        ]
      }
      opportunity_stage_history: {
        Row: {
          changed_at: string
          changed_by: string | null
          from_stage_id: string | null
          id: number
          opportunity_id: string
          probability: number
          tenant_id: string
          to_stage_id: string
        }
        Insert: {
          changed_at?: string
          changed_by?: string | null
          from_stage_id?: string | null
          id?: never
          opportunity_id: string
          probability: number
          tenant_id: string
          to_stage_id: string
        }
        Update: {
          changed_at?: string
          changed_by?: string | null
          from_stage_id?: string | null
          id?: never
          opportunity_id?: string
          probability?: number
          tenant_id?: string
          to_stage_id?: string
        }
        Relationships: [
          {
            foreignKeyName: "opportunity_stage_history_tenant_id_fkey"
            columns: ["tenant_id"]
            isOneToOne: false
            referencedRelation: "tenants"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "opportunity_stage_history_tenant_id_from_stage_id_fkey"
            columns: ["tenant_id", "from_stage_id"]
            isOneToOne: false
            referencedRelation: "opportunity_stages"
            referencedColumns: ["tenant_id", "id"]
          },
          {
            foreignKeyName: "opportunity_stage_history_tenant_id_opportunity_id_fkey"
            columns: ["tenant_id", "opportunity_id"]
            isOneToOne: false
            referencedRelation: "opportunities"
            referencedColumns: ["tenant_id", "id"]
          },
          {
            foreignKeyName: "opportunity_stage_history_tenant_id_to_stage_id_fkey"
            columns: ["tenant_id", "to_stage_id"]
            isOneToOne: false
            referencedRelation: "opportunity_stages"
            referencedColumns: ["tenant_id", "id"]
          },
        ]
      }
      opportunity_stages: {
        Row: {
          active: boolean
          created_at: string
          id: string
          key: string
          name: string
          outcome: Database["public"]["Enums"]["stage_outcome"]
          position: number
          probability: number
          tenant_id: string
          updated_at: string
        }
        Insert: {
          active?: boolean
          created_at?: string
          id?: string
          key: string
          name: string
          outcome?: Database["public"]["Enums"]["stage_outcome"]
          position: number
          probability: number
          tenant_id: string
          updated_at?: string
        }
        Update: {
          active?: boolean
          created_at?: string
          id?: string
          key?: string
          name?: string
          outcome?: Database["public"]["Enums"]["stage_outcome"]
          position?: number
          probability?: number
          tenant_id?: string
          updated_at?: string
        }
        Relationships: [
          {
            foreignKeyName: "opportunity_stages_tenant_id_fkey"
            columns: ["tenant_id"]
            isOneToOne: false
            referencedRelation: "tenants"
            referencedColumns: ["id"]
          },
        ]
      }
      order_documents: {
        Row: {
          carrier: string | null
          created_at: string
          doc_type: string
          document_id: string
          id: string
          idempotency_key: string
          line_map: NonNullable<Json>
          purchase_order_id: string | null
          result: NonNullable<Json>
          sales_order_id: string | null
          tenant_id: string
          tracking_number: string | null
        }
        Insert: {
          carrier?: string | null
          created_at?: string
          doc_type: string
          document_id: string
          id?: string
          idempotency_key: string
          line_map?: NonNullable<Json>
          purchase_order_id?: string | null
          result: NonNullable<Json>
          sales_order_id?: string | null
          tenant_id: string
          tracking_number?: string | null
        }
        Update: {
          carrier?: string | null
          created_at?: string
          doc_type?: string
          document_id?: string
          id?: string
          idempotency_key?: string
          line_map?: NonNullable<Json>
          purchase_order_id?: string | null
          result?: NonNullable<Json>
          sales_order_id?: string | null
          tenant_id?: string
          tracking_number?: string | null
        }
        Relationships: [
          {
            foreignKeyName: "order_documents_tenant_id_document_id_fkey"
            columns: ["tenant_id", "document_id"]
            isOneToOne: false
            referencedRelation: "ledger_documents"
            referencedColumns: ["tenant_id", "id"]
          },
          {
            foreignKeyName: "order_documents_tenant_id_fkey"
            columns: ["tenant_id"]
            isOneToOne: false
            referencedRelation: "tenants"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "order_documents_tenant_id_purchase_order_id_fkey"
            columns: ["tenant_id", "purchase_order_id"]
            isOneToOne: false
            referencedRelation: "purchase_orders"
            referencedColumns: ["tenant_id", "id"]
          },
          {
            foreignKeyName: "order_documents_tenant_id_sales_order_id_fkey"
            columns: ["tenant_id", "sales_order_id"]
            isOneToOne: false
            referencedRelation: "sales_order_backorders"
            referencedColumns: ["tenant_id", "order_id"]
          },
          {
            foreignKeyName: "order_documents_tenant_id_sales_order_id_fkey"
            columns: ["tenant_id", "sales_order_id"]
            isOneToOne: false
            referencedRelation: "sales_order_progress"
            referencedColumns: ["tenant_id", "id"]
          },
          {
            foreignKeyName: "order_documents_tenant_id_sales_order_id_fkey"
            columns: ["tenant_id", "sales_order_id"]
            isOneToOne: false
            referencedRelation: "sales_orders"
            referencedColumns: ["tenant_id", "id"]
          },
        ]
      }
      parties: {
        Row: {
          active: boolean
          code: string
          created_at: string
          credit_limit: number | null
          id: string
          invoice_title: string | null
          is_customer: boolean
          is_supplier: boolean
          name: string
          note: string | null
          owner_id: string | null
          payment_terms_days: number
          source: string | null
          tags: string[]
          taxpayer_id: string | null
          tenant_id: string
          updated_at: string
        }
        Insert: {
          active?: boolean
          code: string
          created_at?: string
          credit_limit?: number | null
          id?: string
          invoice_title?: string | null
          is_customer?: boolean
          is_supplier?: boolean
          name: string
          note?: string | null
          owner_id?: string | null
          payment_terms_days?: number
          source?: string | null
          tags?: string[]
          taxpayer_id?: string | null
          tenant_id: string
          updated_at?: string
        }
        Update: {
          active?: boolean
          code?: string
          created_at?: string
          credit_limit?: number | null
          id?: string
          invoice_title?: string | null
          is_customer?: boolean
          is_supplier?: boolean
          name?: string
          note?: string | null
          owner_id?: string | null
          payment_terms_days?: number
          source?: string | null
          tags?: string[]
          taxpayer_id?: string | null
          tenant_id?: string
          updated_at?: string
        }
        Relationships: [
          {
            foreignKeyName: "parties_tenant_id_fkey"
            columns: ["tenant_id"]
            isOneToOne: false
            referencedRelation: "tenants"
            referencedColumns: ["id"]
          },
        ]
      }
      party_addresses: {
        Row: {
          city: string | null
          contact_name: string | null
          created_at: string
          district: string | null
          id: string
          is_default: boolean
          kind: Database["public"]["Enums"]["address_kind"]
          party_id: string
          phone: string | null
          postal_code: string | null
          province: string | null
          street: string
          tenant_id: string
          updated_at: string
        }
        Insert: {
          city?: string | null
          contact_name?: string | null
          created_at?: string
          district?: string | null
          id?: string
          is_default?: boolean
          kind?: Database["public"]["Enums"]["address_kind"]
          party_id: string
          phone?: string | null
          postal_code?: string | null
          province?: string | null
          street: string
          tenant_id: string
          updated_at?: string
        }
        Update: {
          city?: string | null
          contact_name?: string | null
          created_at?: string
          district?: string | null
          id?: string
          is_default?: boolean
          kind?: Database["public"]["Enums"]["address_kind"]
          party_id?: string
          phone?: string | null
          postal_code?: string | null
          province?: string | null
          street?: string
          tenant_id?: string
          updated_at?: string
        }
        Relationships: [
          {
            foreignKeyName: "party_addresses_tenant_id_fkey"
            columns: ["tenant_id"]
            isOneToOne: false
            referencedRelation: "tenants"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "party_addresses_tenant_id_party_id_fkey"
            columns: ["tenant_id", "party_id"]
            isOneToOne: false
            referencedRelation: "parties"
            referencedColumns: ["tenant_id", "id"]
          },
        ]
      }
      party_contacts: {
        Row: {
          created_at: string
          email: string | null
          id: string
          is_primary: boolean
          name: string
          note: string | null
          party_id: string
          phone: string | null
          tenant_id: string
          title: string | null
          updated_at: string
          wechat: string | null
        }
        Insert: {
          created_at?: string
          email?: string | null
          id?: string
          is_primary?: boolean
          name: string
          note?: string | null
          party_id: string
          phone?: string | null
          tenant_id: string
          title?: string | null
          updated_at?: string
          wechat?: string | null
        }
        Update: {
          created_at?: string
          email?: string | null
          id?: string
          is_primary?: boolean
          name?: string
          note?: string | null
          party_id?: string
          phone?: string | null
          tenant_id?: string
          title?: string | null
          updated_at?: string
          wechat?: string | null
        }
        Relationships: [
          {
            foreignKeyName: "party_contacts_tenant_id_fkey"
            columns: ["tenant_id"]
            isOneToOne: false
            referencedRelation: "tenants"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "party_contacts_tenant_id_party_id_fkey"
            columns: ["tenant_id", "party_id"]
            isOneToOne: false
            referencedRelation: "parties"
            referencedColumns: ["tenant_id", "id"]
          },
        ]
      }
      payment_request_lines: {
        Row: {
          amount: number
          id: string
          line_no: number
          open_item_id: string
          request_id: string
          tenant_id: string
        }
        Insert: {
          amount: number
          id?: string
          line_no?: number
          open_item_id: string
          request_id: string
          tenant_id: string
        }
        Update: {
          amount?: number
          id?: string
          line_no?: number
          open_item_id?: string
          request_id?: string
          tenant_id?: string
        }
        Relationships: [
          {
            foreignKeyName: "payment_request_lines_tenant_id_fkey"
            columns: ["tenant_id"]
            isOneToOne: false
            referencedRelation: "tenants"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "payment_request_lines_tenant_id_open_item_id_fkey"
            columns: ["tenant_id", "open_item_id"]
            isOneToOne: false
            referencedRelation: "open_items"
            referencedColumns: ["tenant_id", "id"]
          },
          {
            foreignKeyName: "payment_request_lines_tenant_id_request_id_fkey"
            columns: ["tenant_id", "request_id"]
            isOneToOne: false
            referencedRelation: "payment_requests"
            referencedColumns: ["tenant_id", "id"]
          },
        ]
      }
      payment_requests: {
        Row: {
          amount: number
          bank_account_id: string | null
          created_at: string
          document_id: string | null
          id: string
          idempotency_key: string | null
          note: string | null
          number: string
          paid_at: string | null
          paid_by: string | null
          party_id: string
          pay_by: string | null
          request_date: string
          requester_id: string | null
          result: Json | null
          status: Database["public"]["Enums"]["payment_request_status"]
          tenant_id: string
          updated_at: string
        }
        Insert: {
          amount: number
          bank_account_id?: string | null
          created_at?: string
          document_id?: string | null
          id?: string
          idempotency_key?: string | null
          note?: string | null
          number?: string
          paid_at?: string | null
          paid_by?: string | null
          party_id: string
          pay_by?: string | null
          request_date?: string
          requester_id?: string | null
          result?: Json | null
          status?: Database["public"]["Enums"]["payment_request_status"]
          tenant_id: string
          updated_at?: string
        }
        Update: {
          amount?: number
          bank_account_id?: string | null
          created_at?: string
          document_id?: string | null
          id?: string
          idempotency_key?: string | null
          note?: string | null
          number?: string
          paid_at?: string | null
          paid_by?: string | null
          party_id?: string
          pay_by?: string | null
          request_date?: string
          requester_id?: string | null
          result?: Json | null
          status?: Database["public"]["Enums"]["payment_request_status"]
          tenant_id?: string
          updated_at?: string
        }
        Relationships: [
          {
            foreignKeyName: "payment_requests_tenant_id_bank_account_id_fkey"
            columns: ["tenant_id", "bank_account_id"]
            isOneToOne: false
            referencedRelation: "accounts"
            referencedColumns: ["tenant_id", "id"]
          },
          {
            foreignKeyName: "payment_requests_tenant_id_document_id_fkey"
            columns: ["tenant_id", "document_id"]
            isOneToOne: false
            referencedRelation: "ledger_documents"
            referencedColumns: ["tenant_id", "id"]
          },
          {
            foreignKeyName: "payment_requests_tenant_id_fkey"
            columns: ["tenant_id"]
            isOneToOne: false
            referencedRelation: "tenants"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "payment_requests_tenant_id_party_id_fkey"
            columns: ["tenant_id", "party_id"]
            isOneToOne: false
            referencedRelation: "parties"
            referencedColumns: ["tenant_id", "id"]
          },
        ]
      }
      period_closings: {
        Row: {
          action: Database["public"]["Enums"]["period_closing_action"]
          carry_forward_document_id: string | null
          done_at: string
          done_by: string | null
          id: string
          period_id: string
          reason: string | null
          tenant_id: string
          warnings: NonNullable<Json>
          year_end_voucher_id: string | null
        }
        Insert: {
          action: Database["public"]["Enums"]["period_closing_action"]
          carry_forward_document_id?: string | null
          done_at?: string
          done_by?: string | null
          id?: string
          period_id: string
          reason?: string | null
          tenant_id: string
          warnings?: NonNullable<Json>
          year_end_voucher_id?: string | null
        }
        Update: {
          action?: Database["public"]["Enums"]["period_closing_action"]
          carry_forward_document_id?: string | null
          done_at?: string
          done_by?: string | null
          id?: string
          period_id?: string
          reason?: string | null
          tenant_id?: string
          warnings?: NonNullable<Json>
          year_end_voucher_id?: string | null
        }
        Relationships: [
          {
            foreignKeyName: "period_closings_tenant_id_carry_forward_document_id_fkey"
            columns: ["tenant_id", "carry_forward_document_id"]
            isOneToOne: false
            referencedRelation: "ledger_documents"
            referencedColumns: ["tenant_id", "id"]
          },
          {
            foreignKeyName: "period_closings_tenant_id_fkey"
            columns: ["tenant_id"]
            isOneToOne: false
            referencedRelation: "tenants"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "period_closings_tenant_id_period_id_fkey"
            columns: ["tenant_id", "period_id"]
            isOneToOne: false
            referencedRelation: "fiscal_periods"
            referencedColumns: ["tenant_id", "id"]
          },
          {
            foreignKeyName: "period_closings_tenant_id_year_end_voucher_id_fkey"
            columns: ["tenant_id", "year_end_voucher_id"]
            isOneToOne: false
            referencedRelation: "vouchers"
            referencedColumns: ["tenant_id", "id"]
          },
        ]
      }
      permissions: {
        Row: {
          action: string
          description: string
          resource: string
        }
        Insert: {
          action: string
          description?: string
          resource: string
        }
        Update: {
          action?: string
          description?: string
          resource?: string
        }
        Relationships: []
      }
      posting_settings: {
        Row: {
          account_id: string
          description: string
          key: string
          tenant_id: string
          updated_at: string
        }
        Insert: {
          account_id: string
          description?: string
          key: string
          tenant_id: string
          updated_at?: string
        }
        Update: {
          account_id?: string
          description?: string
          key?: string
          tenant_id?: string
          updated_at?: string
        }
        Relationships: [
          {
            foreignKeyName: "posting_settings_tenant_id_account_id_fkey"
            columns: ["tenant_id", "account_id"]
            isOneToOne: false
            referencedRelation: "accounts"
            referencedColumns: ["tenant_id", "id"]
          },
          {
            foreignKeyName: "posting_settings_tenant_id_fkey"
            columns: ["tenant_id"]
            isOneToOne: false
            referencedRelation: "tenants"
            referencedColumns: ["id"]
          },
        ]
      }
      posting_templates: {
        Row: {
          account_field: string | null
          account_setting: string | null
          active: boolean
          amount_field: string
          doc_type: string
          id: string
          line_no: number
          scope: string
          side: Database["public"]["Enums"]["balance_direction"]
          summary: string
          tenant_id: string
          updated_at: string
        }
        Insert: {
          account_field?: string | null
          account_setting?: string | null
          active?: boolean
          amount_field: string
          doc_type: string
          id?: string
          line_no: number
          scope?: string
          side: Database["public"]["Enums"]["balance_direction"]
          summary?: string
          tenant_id: string
          updated_at?: string
        }
        Update: {
          account_field?: string | null
          account_setting?: string | null
          active?: boolean
          amount_field?: string
          doc_type?: string
          id?: string
          line_no?: number
          scope?: string
          side?: Database["public"]["Enums"]["balance_direction"]
          summary?: string
          tenant_id?: string
          updated_at?: string
        }
        Relationships: [
          {
            foreignKeyName: "posting_templates_tenant_id_account_setting_fkey"
            columns: ["tenant_id", "account_setting"]
            isOneToOne: false
            referencedRelation: "posting_settings"
            referencedColumns: ["tenant_id", "key"]
          },
          {
            foreignKeyName: "posting_templates_tenant_id_fkey"
            columns: ["tenant_id"]
            isOneToOne: false
            referencedRelation: "tenants"
            referencedColumns: ["id"]
          },
        ]
      }
      profiles: {
        Row: {
          active_tenant_id: string | null
          created_at: string
          display_name: string
          id: string
          locale: string
          updated_at: string
        }
        Insert: {
          active_tenant_id?: string | null
          created_at?: string
          display_name?: string
          id: string
          locale?: string
          updated_at?: string
        }
        Update: {
          active_tenant_id?: string | null
          created_at?: string
          display_name?: string
          id?: string
          locale?: string
          updated_at?: string
        }
        Relationships: [
          {
            foreignKeyName: "profiles_active_tenant_id_fkey"
            columns: ["active_tenant_id"]
            isOneToOne: false
            referencedRelation: "tenants"
            referencedColumns: ["id"]
          },
        ]
      }
      projects: {
        Row: {
          active: boolean
          code: string
          created_at: string
          id: string
          name: string
          tenant_id: string
          updated_at: string
        }
        Insert: {
          active?: boolean
          code: string
          created_at?: string
          id?: string
          name: string
          tenant_id: string
          updated_at?: string
        }
        Update: {
          active?: boolean
          code?: string
          created_at?: string
          id?: string
          name?: string
          tenant_id?: string
          updated_at?: string
        }
        Relationships: [
          {
            foreignKeyName: "projects_tenant_id_fkey"
            columns: ["tenant_id"]
            isOneToOne: false
            referencedRelation: "tenants"
            referencedColumns: ["id"]
          },
        ]
      }
      purchase_order_lines: {
        Row: {
          amount: number
          billed_quantity: number
          discount: number
          id: string
          item_id: string
          line_no: number
          order_id: string
          quantity: number
          received_quantity: number
          returned_quantity: number
          tax: number
          tax_rate: number | null
          tenant_id: string
          total: number
          unit_price: number
        }
        Insert: {
          amount?: number
          billed_quantity?: number
          discount?: number
          id?: string
          item_id: string
          line_no: number
          order_id: string
          quantity: number
          received_quantity?: number
          returned_quantity?: number
          tax?: number
          tax_rate?: number | null
          tenant_id: string
          total?: number
          unit_price: number
        }
        Update: {
          amount?: number
          billed_quantity?: number
          discount?: number
          id?: string
          item_id?: string
          line_no?: number
          order_id?: string
          quantity?: number
          received_quantity?: number
          returned_quantity?: number
          tax?: number
          tax_rate?: number | null
          tenant_id?: string
          total?: number
          unit_price?: number
        }
        Relationships: [
          {
            foreignKeyName: "purchase_order_lines_tenant_id_fkey"
            columns: ["tenant_id"]
            isOneToOne: false
            referencedRelation: "tenants"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "purchase_order_lines_tenant_id_item_id_fkey"
            columns: ["tenant_id", "item_id"]
            isOneToOne: false
            referencedRelation: "item_availability"
            referencedColumns: ["tenant_id", "item_id"]
          },
          {
            foreignKeyName: "purchase_order_lines_tenant_id_item_id_fkey"
            columns: ["tenant_id", "item_id"]
            isOneToOne: false
            referencedRelation: "items"
            referencedColumns: ["tenant_id", "id"]
          },
          {
            foreignKeyName: "purchase_order_lines_tenant_id_order_id_fkey"
            columns: ["tenant_id", "order_id"]
            isOneToOne: false
            referencedRelation: "purchase_orders"
            referencedColumns: ["tenant_id", "id"]
          },
        ]
      }
      purchase_orders: {
        Row: {
          amount: number
          confirmed_at: string | null
          created_at: string
          expected_date: string | null
          id: string
          note: string | null
          number: string
          order_date: string
          owner_id: string | null
          party_id: string
          status: Database["public"]["Enums"]["order_status"]
          tax: number
          tax_inclusive: boolean
          tenant_id: string
          total: number
          updated_at: string
          warehouse_id: string | null
        }
        Insert: {
          amount?: number
          confirmed_at?: string | null
          created_at?: string
          expected_date?: string | null
          id?: string
          note?: string | null
          number?: string
          order_date?: string
          owner_id?: string | null
          party_id: string
          status?: Database["public"]["Enums"]["order_status"]
          tax?: number
          tax_inclusive?: boolean
          tenant_id: string
          total?: number
          updated_at?: string
          warehouse_id?: string | null
        }
        Update: {
          amount?: number
          confirmed_at?: string | null
          created_at?: string
          expected_date?: string | null
          id?: string
          note?: string | null
          number?: string
          order_date?: string
          owner_id?: string | null
          party_id?: string
          status?: Database["public"]["Enums"]["order_status"]
          tax?: number
          tax_inclusive?: boolean
          tenant_id?: string
          total?: number
          updated_at?: string
          warehouse_id?: string | null
        }
        Relationships: [
          {
            foreignKeyName: "purchase_orders_tenant_id_fkey"
            columns: ["tenant_id"]
            isOneToOne: false
            referencedRelation: "tenants"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "purchase_orders_tenant_id_party_id_fkey"
            columns: ["tenant_id", "party_id"]
            isOneToOne: false
            referencedRelation: "parties"
            referencedColumns: ["tenant_id", "id"]
          },
          {
            foreignKeyName: "purchase_orders_tenant_id_warehouse_id_fkey"
            columns: ["tenant_id", "warehouse_id"]
            isOneToOne: false
            referencedRelation: "warehouses"
            referencedColumns: ["tenant_id", "id"]
          },
        ]
      }
      quotation_lines: {
        Row: {
          amount: number
          created_at: string
          description: string | null
          discount: number
          id: string
          item_id: string
          line_no: number
          quantity: number
          quotation_id: string
          tax: number
          tax_rate: number | null
          tenant_id: string
          total: number
          unit: string | null
          unit_factor: number
          unit_price: number | null
          updated_at: string
        }
        Insert: {
          amount?: number
          created_at?: string
          description?: string | null
          discount?: number
          id?: string
          item_id: string
          line_no?: number
          quantity: number
          quotation_id: string
          tax?: number
          tax_rate?: number | null
          tenant_id: string
          total?: number
          unit?: string | null
          unit_factor?: number
          unit_price?: number | null
          updated_at?: string
        }
        Update: {
          amount?: number
          created_at?: string
          description?: string | null
          discount?: number
          id?: string
          item_id?: string
          line_no?: number
          quantity?: number
          quotation_id?: string
          tax?: number
          tax_rate?: number | null
          tenant_id?: string
          total?: number
          unit?: string | null
          unit_factor?: number
          unit_price?: number | null
          updated_at?: string
        }
        Relationships: [
          {
            foreignKeyName: "quotation_lines_tenant_id_fkey"
            columns: ["tenant_id"]
            isOneToOne: false
            referencedRelation: "tenants"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "quotation_lines_tenant_id_item_id_fkey"
            columns: ["tenant_id", "item_id"]
            isOneToOne: false
            referencedRelation: "item_availability"
            referencedColumns: ["tenant_id", "item_id"]
          },
          {
            foreignKeyName: "quotation_lines_tenant_id_item_id_fkey"
            columns: ["tenant_id", "item_id"]
            isOneToOne: false
            referencedRelation: "items"
            referencedColumns: ["tenant_id", "id"]
          },
          {
            foreignKeyName: "quotation_lines_tenant_id_quotation_id_fkey"
            columns: ["tenant_id", "quotation_id"]
            isOneToOne: false
            referencedRelation: "quotations"
            referencedColumns: ["tenant_id", "id"]
          },
        ]
      }
      quotations: {
        Row: {
          accepted_at: string | null
          amount: number
          contact_id: string | null
          created_at: string
          id: string
          note: string | null
          number: string
          opportunity_id: string | null
          owner_id: string | null
          party_id: string
          quote_date: string
          sales_order_id: string | null
          sent_at: string | null
          status: Database["public"]["Enums"]["quotation_status"]
          tax: number
          tax_inclusive: boolean
          tenant_id: string
          total: number
          updated_at: string
          valid_until: string | null
        }
        Insert: {
          accepted_at?: string | null
          amount?: number
          contact_id?: string | null
          created_at?: string
          id?: string
          note?: string | null
          number?: string
          opportunity_id?: string | null
          owner_id?: string | null
          party_id: string
          quote_date?: string
          sales_order_id?: string | null
          sent_at?: string | null
          status?: Database["public"]["Enums"]["quotation_status"]
          tax?: number
          tax_inclusive?: boolean
          tenant_id: string
          total?: number
          updated_at?: string
          valid_until?: string | null
        }
        Update: {
          accepted_at?: string | null
          amount?: number
          contact_id?: string | null
          created_at?: string
          id?: string
          note?: string | null
          number?: string
          opportunity_id?: string | null
          owner_id?: string | null
          party_id?: string
          quote_date?: string
          sales_order_id?: string | null
          sent_at?: string | null
          status?: Database["public"]["Enums"]["quotation_status"]
          tax?: number
          tax_inclusive?: boolean
          tenant_id?: string
          total?: number
          updated_at?: string
          valid_until?: string | null
        }
        Relationships: [
          {
            foreignKeyName: "quotations_tenant_id_contact_id_fkey"
            columns: ["tenant_id", "contact_id"]
            isOneToOne: false
            referencedRelation: "party_contacts"
            referencedColumns: ["tenant_id", "id"]
          },
          {
            foreignKeyName: "quotations_tenant_id_fkey"
            columns: ["tenant_id"]
            isOneToOne: false
            referencedRelation: "tenants"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "quotations_tenant_id_opportunity_id_fkey"
            columns: ["tenant_id", "opportunity_id"]
            isOneToOne: false
            referencedRelation: "opportunities"
            referencedColumns: ["tenant_id", "id"]
          },
          {
            foreignKeyName: "quotations_tenant_id_party_id_fkey"
            columns: ["tenant_id", "party_id"]
            isOneToOne: false
            referencedRelation: "parties"
            referencedColumns: ["tenant_id", "id"]
          },
        ]
      }
      role_permissions: {
        Row: {
          action: string
          resource: string
          role_id: string
          tenant_id: string
        }
        Insert: {
          action: string
          resource: string
          role_id: string
          tenant_id: string
        }
        Update: {
          action?: string
          resource?: string
          role_id?: string
          tenant_id?: string
        }
        Relationships: [
          {
            foreignKeyName: "role_permissions_resource_action_fkey"
            columns: ["resource", "action"]
            isOneToOne: false
            referencedRelation: "permissions"
            referencedColumns: ["resource", "action"]
          },
          {
            foreignKeyName: "role_permissions_tenant_id_role_id_fkey"
            columns: ["tenant_id", "role_id"]
            isOneToOne: false
            referencedRelation: "roles"
            referencedColumns: ["tenant_id", "id"]
          },
        ]
      }
      roles: {
        Row: {
          builtin: boolean
          created_at: string
          id: string
          key: string
          name: string
          tenant_id: string
        }
        Insert: {
          builtin?: boolean
          created_at?: string
          id?: string
          key: string
          name: string
          tenant_id: string
        }
        Update: {
          builtin?: boolean
          created_at?: string
          id?: string
          key?: string
          name?: string
          tenant_id?: string
        }
        Relationships: [
          {
            foreignKeyName: "roles_tenant_id_fkey"
            columns: ["tenant_id"]
            isOneToOne: false
            referencedRelation: "tenants"
            referencedColumns: ["id"]
          },
        ]
      }
      sales_order_lines: {
        Row: {
          amount: number
          delivered_quantity: number
          discount: number
          id: string
          invoiced_quantity: number
          item_id: string
          line_no: number
          order_id: string
          quantity: number
          returned_quantity: number
          tax: number
          tax_rate: number | null
          tenant_id: string
          total: number
          unit_price: number
        }
        Insert: {
          amount?: number
          delivered_quantity?: number
          discount?: number
          id?: string
          invoiced_quantity?: number
          item_id: string
          line_no: number
          order_id: string
          quantity: number
          returned_quantity?: number
          tax?: number
          tax_rate?: number | null
          tenant_id: string
          total?: number
          unit_price: number
        }
        Update: {
          amount?: number
          delivered_quantity?: number
          discount?: number
          id?: string
          invoiced_quantity?: number
          item_id?: string
          line_no?: number
          order_id?: string
          quantity?: number
          returned_quantity?: number
          tax?: number
          tax_rate?: number | null
          tenant_id?: string
          total?: number
          unit_price?: number
        }
        Relationships: [
          {
            foreignKeyName: "sales_order_lines_tenant_id_fkey"
            columns: ["tenant_id"]
            isOneToOne: false
            referencedRelation: "tenants"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "sales_order_lines_tenant_id_item_id_fkey"
            columns: ["tenant_id", "item_id"]
            isOneToOne: false
            referencedRelation: "item_availability"
            referencedColumns: ["tenant_id", "item_id"]
          },
          {
            foreignKeyName: "sales_order_lines_tenant_id_item_id_fkey"
            columns: ["tenant_id", "item_id"]
            isOneToOne: false
            referencedRelation: "items"
            referencedColumns: ["tenant_id", "id"]
          },
          {
            foreignKeyName: "sales_order_lines_tenant_id_order_id_fkey"
            columns: ["tenant_id", "order_id"]
            isOneToOne: false
            referencedRelation: "sales_order_backorders"
            referencedColumns: ["tenant_id", "order_id"]
          },
          {
            foreignKeyName: "sales_order_lines_tenant_id_order_id_fkey"
            columns: ["tenant_id", "order_id"]
            isOneToOne: false
            referencedRelation: "sales_order_progress"
            referencedColumns: ["tenant_id", "id"]
          },
          {
            foreignKeyName: "sales_order_lines_tenant_id_order_id_fkey"
            columns: ["tenant_id", "order_id"]
            isOneToOne: false
            referencedRelation: "sales_orders"
            referencedColumns: ["tenant_id", "id"]
          },
        ]
      }
      sales_orders: {
        Row: {
          amount: number
          confirmed_at: string | null
          contact_id: string | null
          created_at: string
          expected_ship_date: string | null
          id: string
          note: string | null
          number: string
          opportunity_id: string | null
          order_date: string
          owner_id: string | null
          party_id: string
          quotation_id: string | null
          status: Database["public"]["Enums"]["order_status"]
          tax: number
          tax_inclusive: boolean
          tenant_id: string
          total: number
          updated_at: string
          warehouse_id: string | null
        }
        Insert: {
          amount?: number
          confirmed_at?: string | null
          contact_id?: string | null
          created_at?: string
          expected_ship_date?: string | null
          id?: string
          note?: string | null
          number?: string
          opportunity_id?: string | null
          order_date?: string
          owner_id?: string | null
          party_id: string
          quotation_id?: string | null
          status?: Database["public"]["Enums"]["order_status"]
          tax?: number
          tax_inclusive?: boolean
          tenant_id: string
          total?: number
          updated_at?: string
          warehouse_id?: string | null
        }
        Update: {
          amount?: number
          confirmed_at?: string | null
          contact_id?: string | null
          created_at?: string
          expected_ship_date?: string | null
          id?: string
          note?: string | null
          number?: string
          opportunity_id?: string | null
          order_date?: string
          owner_id?: string | null
          party_id?: string
          quotation_id?: string | null
          status?: Database["public"]["Enums"]["order_status"]
          tax?: number
          tax_inclusive?: boolean
          tenant_id?: string
          total?: number
          updated_at?: string
          warehouse_id?: string | null
        }
        Relationships: [
          {
            foreignKeyName: "sales_orders_tenant_id_contact_id_fkey"
            columns: ["tenant_id", "contact_id"]
            isOneToOne: false
            referencedRelation: "party_contacts"
            referencedColumns: ["tenant_id", "id"]
          },
          {
            foreignKeyName: "sales_orders_tenant_id_fkey"
            columns: ["tenant_id"]
            isOneToOne: false
            referencedRelation: "tenants"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "sales_orders_tenant_id_opportunity_id_fkey"
            columns: ["tenant_id", "opportunity_id"]
            isOneToOne: false
            referencedRelation: "opportunities"
            referencedColumns: ["tenant_id", "id"]
          },
          {
            foreignKeyName: "sales_orders_tenant_id_party_id_fkey"
            columns: ["tenant_id", "party_id"]
            isOneToOne: false
            referencedRelation: "parties"
            referencedColumns: ["tenant_id", "id"]
          },
          {
            foreignKeyName: "sales_orders_tenant_id_quotation_id_fkey"
            columns: ["tenant_id", "quotation_id"]
            isOneToOne: false
            referencedRelation: "quotations"
            referencedColumns: ["tenant_id", "id"]
          },
          {
            foreignKeyName: "sales_orders_tenant_id_warehouse_id_fkey"
            columns: ["tenant_id", "warehouse_id"]
            isOneToOne: false
            referencedRelation: "warehouses"
            referencedColumns: ["tenant_id", "id"]
          },
        ]
      }
      seal_requests: {
        Row: {
          attachment_ref: string | null
          contract_amount: number | null
          created_at: string
          department_id: string | null
          id: string
          number: string
          party_id: string | null
          purpose: string | null
          requester_id: string
          seal_type: Database["public"]["Enums"]["seal_type"]
          status: Database["public"]["Enums"]["oa_status"]
          tenant_id: string
          title: string
          updated_at: string
        }
        Insert: {
          attachment_ref?: string | null
          contract_amount?: number | null
          created_at?: string
          department_id?: string | null
          id?: string
          number?: string
          party_id?: string | null
          purpose?: string | null
          requester_id?: string
          seal_type?: Database["public"]["Enums"]["seal_type"]
          status?: Database["public"]["Enums"]["oa_status"]
          tenant_id: string
          title: string
          updated_at?: string
        }
        Update: {
          attachment_ref?: string | null
          contract_amount?: number | null
          created_at?: string
          department_id?: string | null
          id?: string
          number?: string
          party_id?: string | null
          purpose?: string | null
          requester_id?: string
          seal_type?: Database["public"]["Enums"]["seal_type"]
          status?: Database["public"]["Enums"]["oa_status"]
          tenant_id?: string
          title?: string
          updated_at?: string
        }
        Relationships: [
          {
            foreignKeyName: "seal_requests_tenant_id_department_id_fkey"
            columns: ["tenant_id", "department_id"]
            isOneToOne: false
            referencedRelation: "departments"
            referencedColumns: ["tenant_id", "id"]
          },
          {
            foreignKeyName: "seal_requests_tenant_id_fkey"
            columns: ["tenant_id"]
            isOneToOne: false
            referencedRelation: "tenants"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "seal_requests_tenant_id_party_id_fkey"
            columns: ["tenant_id", "party_id"]
            isOneToOne: false
            referencedRelation: "parties"
            referencedColumns: ["tenant_id", "id"]
          },
          {
            foreignKeyName: "seal_requests_tenant_id_requester_id_fkey"
            columns: ["tenant_id", "requester_id"]
            isOneToOne: false
            referencedRelation: "memberships"
            referencedColumns: ["tenant_id", "user_id"]
          },
        ]
      }
      statement_line_overrides: {
        Row: {
          formula: Json | null
          id: string
          line_no: number
          name: string | null
          statement: Database["public"]["Enums"]["statement_kind"]
          tenant_id: string
          updated_at: string
        }
        Insert: {
          formula?: Json | null
          id?: string
          line_no: number
          name?: string | null
          statement: Database["public"]["Enums"]["statement_kind"]
          tenant_id: string
          updated_at?: string
        }
        Update: {
          formula?: Json | null
          id?: string
          line_no?: number
          name?: string | null
          statement?: Database["public"]["Enums"]["statement_kind"]
          tenant_id?: string
          updated_at?: string
        }
        Relationships: [
          {
            foreignKeyName: "statement_line_overrides_tenant_id_fkey"
            columns: ["tenant_id"]
            isOneToOne: false
            referencedRelation: "tenants"
            referencedColumns: ["id"]
          },
        ]
      }
      stock_levels: {
        Row: {
          average_cost: number
          item_id: string
          last_move_date: string | null
          quantity: number
          tenant_id: string
          value: number
          warehouse_id: string
        }
        Insert: {
          average_cost?: number
          item_id: string
          last_move_date?: string | null
          quantity?: number
          tenant_id: string
          value?: number
          warehouse_id: string
        }
        Update: {
          average_cost?: number
          item_id?: string
          last_move_date?: string | null
          quantity?: number
          tenant_id?: string
          value?: number
          warehouse_id?: string
        }
        Relationships: [
          {
            foreignKeyName: "stock_levels_tenant_id_fkey"
            columns: ["tenant_id"]
            isOneToOne: false
            referencedRelation: "tenants"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "stock_levels_tenant_id_item_id_fkey"
            columns: ["tenant_id", "item_id"]
            isOneToOne: false
            referencedRelation: "item_availability"
            referencedColumns: ["tenant_id", "item_id"]
          },
          {
            foreignKeyName: "stock_levels_tenant_id_item_id_fkey"
            columns: ["tenant_id", "item_id"]
            isOneToOne: false
            referencedRelation: "items"
            referencedColumns: ["tenant_id", "id"]
          },
          {
            foreignKeyName: "stock_levels_tenant_id_warehouse_id_fkey"
            columns: ["tenant_id", "warehouse_id"]
            isOneToOne: false
            referencedRelation: "warehouses"
            referencedColumns: ["tenant_id", "id"]
          },
        ]
      }
      stock_moves: {
        Row: {
          average_after: number
          created_at: string
          id: number
          item_id: string
          move_date: string
          quantity: number
          quantity_after: number
          source_id: string
          source_line: number | null
          source_type: string
          tenant_id: string
          unit_cost: number
          value: number
          value_after: number
          warehouse_id: string
        }
        Insert: {
          average_after: number
          created_at?: string
          id?: never
          item_id: string
          move_date: string
          quantity: number
          quantity_after: number
          source_id: string
          source_line?: number | null
          source_type: string
          tenant_id: string
          unit_cost: number
          value: number
          value_after: number
          warehouse_id: string
        }
        Update: {
          average_after?: number
          created_at?: string
          id?: never
          item_id?: string
          move_date?: string
          quantity?: number
          quantity_after?: number
          source_id?: string
          source_line?: number | null
          source_type?: string
          tenant_id?: string
          unit_cost?: number
          value?: number
          value_after?: number
          warehouse_id?: string
        }
        Relationships: [
          {
            foreignKeyName: "stock_moves_tenant_id_fkey"
            columns: ["tenant_id"]
            isOneToOne: false
            referencedRelation: "tenants"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "stock_moves_tenant_id_item_id_fkey"
            columns: ["tenant_id", "item_id"]
            isOneToOne: false
            referencedRelation: "item_availability"
            referencedColumns: ["tenant_id", "item_id"]
          },
          {
            foreignKeyName: "stock_moves_tenant_id_item_id_fkey"
            columns: ["tenant_id", "item_id"]
            isOneToOne: false
            referencedRelation: "items"
            referencedColumns: ["tenant_id", "id"]
          },
          {
            foreignKeyName: "stock_moves_tenant_id_warehouse_id_fkey"
            columns: ["tenant_id", "warehouse_id"]
            isOneToOne: false
            referencedRelation: "warehouses"
            referencedColumns: ["tenant_id", "id"]
          },
        ]
      }
      stocktake_lines: {
        Row: {
          counted_quantity: number | null
          frozen_quantity: number
          id: string
          item_id: string
          stocktake_id: string
          tenant_id: string
        }
        Insert: {
          counted_quantity?: number | null
          frozen_quantity: number
          id?: string
          item_id: string
          stocktake_id: string
          tenant_id: string
        }
        Update: {
          counted_quantity?: number | null
          frozen_quantity?: number
          id?: string
          item_id?: string
          stocktake_id?: string
          tenant_id?: string
        }
        Relationships: [
          {
            foreignKeyName: "stocktake_lines_tenant_id_fkey"
            columns: ["tenant_id"]
            isOneToOne: false
            referencedRelation: "tenants"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "stocktake_lines_tenant_id_item_id_fkey"
            columns: ["tenant_id", "item_id"]
            isOneToOne: false
            referencedRelation: "item_availability"
            referencedColumns: ["tenant_id", "item_id"]
          },
          {
            foreignKeyName: "stocktake_lines_tenant_id_item_id_fkey"
            columns: ["tenant_id", "item_id"]
            isOneToOne: false
            referencedRelation: "items"
            referencedColumns: ["tenant_id", "id"]
          },
          {
            foreignKeyName: "stocktake_lines_tenant_id_stocktake_id_fkey"
            columns: ["tenant_id", "stocktake_id"]
            isOneToOne: false
            referencedRelation: "stocktakes"
            referencedColumns: ["tenant_id", "id"]
          },
        ]
      }
      stocktakes: {
        Row: {
          created_by: string | null
          document_id: string | null
          frozen_at: string
          id: string
          note: string | null
          status: string
          tenant_id: string
          warehouse_id: string
        }
        Insert: {
          created_by?: string | null
          document_id?: string | null
          frozen_at?: string
          id?: string
          note?: string | null
          status?: string
          tenant_id: string
          warehouse_id: string
        }
        Update: {
          created_by?: string | null
          document_id?: string | null
          frozen_at?: string
          id?: string
          note?: string | null
          status?: string
          tenant_id?: string
          warehouse_id?: string
        }
        Relationships: [
          {
            foreignKeyName: "stocktakes_tenant_id_document_id_fkey"
            columns: ["tenant_id", "document_id"]
            isOneToOne: false
            referencedRelation: "ledger_documents"
            referencedColumns: ["tenant_id", "id"]
          },
          {
            foreignKeyName: "stocktakes_tenant_id_fkey"
            columns: ["tenant_id"]
            isOneToOne: false
            referencedRelation: "tenants"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "stocktakes_tenant_id_warehouse_id_fkey"
            columns: ["tenant_id", "warehouse_id"]
            isOneToOne: false
            referencedRelation: "warehouses"
            referencedColumns: ["tenant_id", "id"]
          },
        ]
      }
      tax_codes: {
        Row: {
          code: string
          created_at: string
          id: string
          kind: Database["public"]["Enums"]["tax_kind"]
          name: string
          rate: number
          tenant_id: string
          updated_at: string
          valid_from: string
          valid_to: string | null
        }
        Insert: {
          code: string
          created_at?: string
          id?: string
          kind: Database["public"]["Enums"]["tax_kind"]
          name: string
          rate: number
          tenant_id: string
          updated_at?: string
          valid_from: string
          valid_to?: string | null
        }
        Update: {
          code?: string
          created_at?: string
          id?: string
          kind?: Database["public"]["Enums"]["tax_kind"]
          name?: string
          rate?: number
          tenant_id?: string
          updated_at?: string
          valid_from?: string
          valid_to?: string | null
        }
        Relationships: [
          {
            foreignKeyName: "tax_codes_tenant_id_fkey"
            columns: ["tenant_id"]
            isOneToOne: false
            referencedRelation: "tenants"
            referencedColumns: ["id"]
          },
        ]
      }
      tax_invoice_lines: {
        Row: {
          amount: number
          id: string
          invoice_id: string
          item_id: string | null
          line_no: number
          name: string
          original_line_id: string | null
          quantity: number | null
          spec: string | null
          tax: number
          tax_classification_code: string
          tax_rate: number
          tenant_id: string
          unit: string | null
          unit_price: number | null
        }
        Insert: {
          amount: number
          id?: string
          invoice_id: string
          item_id?: string | null
          line_no: number
          name: string
          original_line_id?: string | null
          quantity?: number | null
          spec?: string | null
          tax: number
          tax_classification_code: string
          tax_rate: number
          tenant_id: string
          unit?: string | null
          unit_price?: number | null
        }
        Update: {
          amount?: number
          id?: string
          invoice_id?: string
          item_id?: string | null
          line_no?: number
          name?: string
          original_line_id?: string | null
          quantity?: number | null
          spec?: string | null
          tax?: number
          tax_classification_code?: string
          tax_rate?: number
          tenant_id?: string
          unit?: string | null
          unit_price?: number | null
        }
        Relationships: [
          {
            foreignKeyName: "tax_invoice_lines_original_line_fkey"
            columns: ["tenant_id", "original_line_id"]
            isOneToOne: false
            referencedRelation: "tax_invoice_lines"
            referencedColumns: ["tenant_id", "id"]
          },
          {
            foreignKeyName: "tax_invoice_lines_tenant_id_fkey"
            columns: ["tenant_id"]
            isOneToOne: false
            referencedRelation: "tenants"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "tax_invoice_lines_tenant_id_invoice_id_fkey"
            columns: ["tenant_id", "invoice_id"]
            isOneToOne: false
            referencedRelation: "tax_invoices"
            referencedColumns: ["tenant_id", "id"]
          },
          {
            foreignKeyName: "tax_invoice_lines_tenant_id_item_id_fkey"
            columns: ["tenant_id", "item_id"]
            isOneToOne: false
            referencedRelation: "item_availability"
            referencedColumns: ["tenant_id", "item_id"]
          },
          {
            foreignKeyName: "tax_invoice_lines_tenant_id_item_id_fkey"
            columns: ["tenant_id", "item_id"]
            isOneToOne: false
            referencedRelation: "items"
            referencedColumns: ["tenant_id", "id"]
          },
        ]
      }
      tax_invoices: {
        Row: {
          amount: number
          buyer_name: string
          buyer_taxpayer_id: string | null
          created_at: string
          created_by: string | null
          document_id: string
          id: string
          invoice_date: string
          invoice_number: string | null
          invoice_type: string
          is_red: boolean
          issued_at: string | null
          original_id: string | null
          red_reason: string | null
          seller_name: string
          seller_taxpayer_id: string
          status: string
          tax: number
          tenant_id: string
          total: number
        }
        Insert: {
          amount: number
          buyer_name: string
          buyer_taxpayer_id?: string | null
          created_at?: string
          created_by?: string | null
          document_id: string
          id?: string
          invoice_date: string
          invoice_number?: string | null
          invoice_type?: string
          is_red?: boolean
          issued_at?: string | null
          original_id?: string | null
          red_reason?: string | null
          seller_name: string
          seller_taxpayer_id: string
          status?: string
          tax: number
          tenant_id: string
          total: number
        }
        Update: {
          amount?: number
          buyer_name?: string
          buyer_taxpayer_id?: string | null
          created_at?: string
          created_by?: string | null
          document_id?: string
          id?: string
          invoice_date?: string
          invoice_number?: string | null
          invoice_type?: string
          is_red?: boolean
          issued_at?: string | null
          original_id?: string | null
          red_reason?: string | null
          seller_name?: string
          seller_taxpayer_id?: string
          status?: string
          tax?: number
          tenant_id?: string
          total?: number
        }
        Relationships: [
          {
            foreignKeyName: "tax_invoices_tenant_id_document_id_fkey"
            columns: ["tenant_id", "document_id"]
            isOneToOne: false
            referencedRelation: "ledger_documents"
            referencedColumns: ["tenant_id", "id"]
          },
          {
            foreignKeyName: "tax_invoices_tenant_id_fkey"
            columns: ["tenant_id"]
            isOneToOne: false
            referencedRelation: "tenants"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "tax_invoices_tenant_id_original_id_fkey"
            columns: ["tenant_id", "original_id"]
            isOneToOne: false
            referencedRelation: "tax_invoices"
            referencedColumns: ["tenant_id", "id"]
          },
        ]
      }
      tenants: {
        Row: {
          accounting_standard: Database["public"]["Enums"]["accounting_standard"]
          base_currency: string
          created_at: string
          created_by: string | null
          credit_code: string
          fiscal_year_start_month: number
          id: string
          industry: string | null
          name: string
          status: Database["public"]["Enums"]["tenant_status"]
          taxpayer_type: Database["public"]["Enums"]["taxpayer_type"]
          trial_ends_at: string
          updated_at: string
        }
        Insert: {
          accounting_standard?: Database["public"]["Enums"]["accounting_standard"]
          base_currency?: string
          created_at?: string
          created_by?: string | null
          credit_code: string
          fiscal_year_start_month?: number
          id?: string
          industry?: string | null
          name: string
          status?: Database["public"]["Enums"]["tenant_status"]
          taxpayer_type?: Database["public"]["Enums"]["taxpayer_type"]
          trial_ends_at?: string
          updated_at?: string
        }
        Update: {
          accounting_standard?: Database["public"]["Enums"]["accounting_standard"]
          base_currency?: string
          created_at?: string
          created_by?: string | null
          credit_code?: string
          fiscal_year_start_month?: number
          id?: string
          industry?: string | null
          name?: string
          status?: Database["public"]["Enums"]["tenant_status"]
          taxpayer_type?: Database["public"]["Enums"]["taxpayer_type"]
          trial_ends_at?: string
          updated_at?: string
        }
        Relationships: []
      }
      tickets: {
        Row: {
          closed_at: string | null
          contact_id: string | null
          created_at: string
          description: string | null
          id: string
          item_id: string | null
          number: string
          owner_id: string | null
          party_id: string
          priority: Database["public"]["Enums"]["ticket_priority"]
          resolution: string | null
          resolved_at: string | null
          satisfaction: number | null
          status: Database["public"]["Enums"]["ticket_status"]
          subject: string
          tenant_id: string
          updated_at: string
        }
        Insert: {
          closed_at?: string | null
          contact_id?: string | null
          created_at?: string
          description?: string | null
          id?: string
          item_id?: string | null
          number?: string
          owner_id?: string | null
          party_id: string
          priority?: Database["public"]["Enums"]["ticket_priority"]
          resolution?: string | null
          resolved_at?: string | null
          satisfaction?: number | null
          status?: Database["public"]["Enums"]["ticket_status"]
          subject: string
          tenant_id: string
          updated_at?: string
        }
        Update: {
          closed_at?: string | null
          contact_id?: string | null
          created_at?: string
          description?: string | null
          id?: string
          item_id?: string | null
          number?: string
          owner_id?: string | null
          party_id?: string
          priority?: Database["public"]["Enums"]["ticket_priority"]
          resolution?: string | null
          resolved_at?: string | null
          satisfaction?: number | null
          status?: Database["public"]["Enums"]["ticket_status"]
          subject?: string
          tenant_id?: string
          updated_at?: string
        }
        Relationships: [
          {
            foreignKeyName: "tickets_tenant_id_contact_id_fkey"
            columns: ["tenant_id", "contact_id"]
            isOneToOne: false
            referencedRelation: "party_contacts"
            referencedColumns: ["tenant_id", "id"]
          },
          {
            foreignKeyName: "tickets_tenant_id_fkey"
            columns: ["tenant_id"]
            isOneToOne: false
            referencedRelation: "tenants"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "tickets_tenant_id_item_id_fkey"
            columns: ["tenant_id", "item_id"]
            isOneToOne: false
            referencedRelation: "item_availability"
            referencedColumns: ["tenant_id", "item_id"]
          },
          {
            foreignKeyName: "tickets_tenant_id_item_id_fkey"
            columns: ["tenant_id", "item_id"]
            isOneToOne: false
            referencedRelation: "items"
            referencedColumns: ["tenant_id", "id"]
          },
          {
            foreignKeyName: "tickets_tenant_id_party_id_fkey"
            columns: ["tenant_id", "party_id"]
            isOneToOne: false
            referencedRelation: "parties"
            referencedColumns: ["tenant_id", "id"]
          },
        ]
      }
      trade_settings: {
        Row: {
          allow_backorders: boolean
          check_credit_limit: boolean
          id: string
          price_tolerance: number
          tenant_id: string
          updated_at: string
        }
        Insert: {
          allow_backorders?: boolean
          check_credit_limit?: boolean
          id?: string
          price_tolerance?: number
          tenant_id: string
          updated_at?: string
        }
        Update: {
          allow_backorders?: boolean
          check_credit_limit?: boolean
          id?: string
          price_tolerance?: number
          tenant_id?: string
          updated_at?: string
        }
        Relationships: [
          {
            foreignKeyName: "trade_settings_tenant_id_fkey"
            columns: ["tenant_id"]
            isOneToOne: true
            referencedRelation: "tenants"
            referencedColumns: ["id"]
          },
        ]
      }
      voucher_line_cash_flow: {
        Row: {
          amount: number
          by_rule: boolean
          item_code: string
          line_id: string
          period_id: string
          tagged_at: string
          tagged_by: string | null
          tenant_id: string
          voucher_id: string
        }
        Insert: {
          amount: number
          by_rule?: boolean
          item_code: string
          line_id: string
          period_id: string
          tagged_at?: string
          tagged_by?: string | null
          tenant_id: string
          voucher_id: string
        }
        Update: {
          amount?: number
          by_rule?: boolean
          item_code?: string
          line_id?: string
          period_id?: string
          tagged_at?: string
          tagged_by?: string | null
          tenant_id?: string
          voucher_id?: string
        }
        Relationships: [
          {
            foreignKeyName: "voucher_line_cash_flow_item_code_fkey"
            columns: ["item_code"]
            isOneToOne: false
            referencedRelation: "cash_flow_items"
            referencedColumns: ["code"]
          },
          {
            foreignKeyName: "voucher_line_cash_flow_tenant_id_fkey"
            columns: ["tenant_id"]
            isOneToOne: false
            referencedRelation: "tenants"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "voucher_line_cash_flow_tenant_id_line_id_fkey"
            columns: ["tenant_id", "line_id"]
            isOneToOne: false
            referencedRelation: "voucher_lines"
            referencedColumns: ["tenant_id", "id"]
          },
          {
            foreignKeyName: "voucher_line_cash_flow_tenant_id_period_id_fkey"
            columns: ["tenant_id", "period_id"]
            isOneToOne: false
            referencedRelation: "fiscal_periods"
            referencedColumns: ["tenant_id", "id"]
          },
          {
            foreignKeyName: "voucher_line_cash_flow_tenant_id_voucher_id_fkey"
            columns: ["tenant_id", "voucher_id"]
            isOneToOne: false
            referencedRelation: "vouchers"
            referencedColumns: ["tenant_id", "id"]
          },
        ]
      }
      voucher_lines: {
        Row: {
          account_id: string
          credit: number
          debit: number
          department_id: string | null
          due_date: string | null
          employee_id: string | null
          id: string
          item_id: string | null
          line_no: number
          open_item_id: string | null
          party_id: string | null
          project_id: string | null
          quantity: number | null
          summary: string
          tenant_id: string
          unit_price: number | null
          voucher_id: string
        }
        Insert: {
          account_id: string
          credit?: number
          debit?: number
          department_id?: string | null
          due_date?: string | null
          employee_id?: string | null
          id?: string
          item_id?: string | null
          line_no: number
          open_item_id?: string | null
          party_id?: string | null
          project_id?: string | null
          quantity?: number | null
          summary?: string
          tenant_id: string
          unit_price?: number | null
          voucher_id: string
        }
        Update: {
          account_id?: string
          credit?: number
          debit?: number
          department_id?: string | null
          due_date?: string | null
          employee_id?: string | null
          id?: string
          item_id?: string | null
          line_no?: number
          open_item_id?: string | null
          party_id?: string | null
          project_id?: string | null
          quantity?: number | null
          summary?: string
          tenant_id?: string
          unit_price?: number | null
          voucher_id?: string
        }
        Relationships: [
          {
            foreignKeyName: "voucher_lines_tenant_id_account_id_fkey"
            columns: ["tenant_id", "account_id"]
            isOneToOne: false
            referencedRelation: "accounts"
            referencedColumns: ["tenant_id", "id"]
          },
          {
            foreignKeyName: "voucher_lines_tenant_id_department_id_fkey"
            columns: ["tenant_id", "department_id"]
            isOneToOne: false
            referencedRelation: "departments"
            referencedColumns: ["tenant_id", "id"]
          },
          {
            foreignKeyName: "voucher_lines_tenant_id_employee_id_fkey"
            columns: ["tenant_id", "employee_id"]
            isOneToOne: false
            referencedRelation: "memberships"
            referencedColumns: ["tenant_id", "user_id"]
          },
          {
            foreignKeyName: "voucher_lines_tenant_id_fkey"
            columns: ["tenant_id"]
            isOneToOne: false
            referencedRelation: "tenants"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "voucher_lines_tenant_id_item_id_fkey"
            columns: ["tenant_id", "item_id"]
            isOneToOne: false
            referencedRelation: "item_availability"
            referencedColumns: ["tenant_id", "item_id"]
          },
          {
            foreignKeyName: "voucher_lines_tenant_id_item_id_fkey"
            columns: ["tenant_id", "item_id"]
            isOneToOne: false
            referencedRelation: "items"
            referencedColumns: ["tenant_id", "id"]
          },
          {
            foreignKeyName: "voucher_lines_tenant_id_party_id_fkey"
            columns: ["tenant_id", "party_id"]
            isOneToOne: false
            referencedRelation: "parties"
            referencedColumns: ["tenant_id", "id"]
          },
          {
            foreignKeyName: "voucher_lines_tenant_id_project_id_fkey"
            columns: ["tenant_id", "project_id"]
            isOneToOne: false
            referencedRelation: "projects"
            referencedColumns: ["tenant_id", "id"]
          },
          {
            foreignKeyName: "voucher_lines_tenant_id_voucher_id_fkey"
            columns: ["tenant_id", "voucher_id"]
            isOneToOne: false
            referencedRelation: "vouchers"
            referencedColumns: ["tenant_id", "id"]
          },
        ]
      }
      vouchers: {
        Row: {
          attachment_count: number
          created_at: string
          id: string
          number: number | null
          period_id: string | null
          posted_at: string | null
          prepared_by: string | null
          reversal_of: string | null
          reversed_by: string | null
          reviewed_at: string | null
          reviewed_by: string | null
          source_id: string | null
          source_type: string | null
          status: Database["public"]["Enums"]["voucher_status"]
          summary: string
          tenant_id: string
          voucher_date: string
          word: string
        }
        Insert: {
          attachment_count?: number
          created_at?: string
          id?: string
          number?: number | null
          period_id?: string | null
          posted_at?: string | null
          prepared_by?: string | null
          reversal_of?: string | null
          reversed_by?: string | null
          reviewed_at?: string | null
          reviewed_by?: string | null
          source_id?: string | null
          source_type?: string | null
          status?: Database["public"]["Enums"]["voucher_status"]
          summary?: string
          tenant_id: string
          voucher_date: string
          word?: string
        }
        Update: {
          attachment_count?: number
          created_at?: string
          id?: string
          number?: number | null
          period_id?: string | null
          posted_at?: string | null
          prepared_by?: string | null
          reversal_of?: string | null
          reversed_by?: string | null
          reviewed_at?: string | null
          reviewed_by?: string | null
          source_id?: string | null
          source_type?: string | null
          status?: Database["public"]["Enums"]["voucher_status"]
          summary?: string
          tenant_id?: string
          voucher_date?: string
          word?: string
        }
        Relationships: [
          {
            foreignKeyName: "vouchers_tenant_id_fkey"
            columns: ["tenant_id"]
            isOneToOne: false
            referencedRelation: "tenants"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "vouchers_tenant_id_period_id_fkey"
            columns: ["tenant_id", "period_id"]
            isOneToOne: false
            referencedRelation: "fiscal_periods"
            referencedColumns: ["tenant_id", "id"]
          },
          {
            foreignKeyName: "vouchers_tenant_id_reversal_of_fkey"
            columns: ["tenant_id", "reversal_of"]
            isOneToOne: false
            referencedRelation: "vouchers"
            referencedColumns: ["tenant_id", "id"]
          },
          {
            foreignKeyName: "vouchers_tenant_id_reversed_by_fkey"
            columns: ["tenant_id", "reversed_by"]
            isOneToOne: false
            referencedRelation: "vouchers"
            referencedColumns: ["tenant_id", "id"]
          },
        ]
      }
      warehouses: {
        Row: {
          active: boolean
          code: string
          created_at: string
          id: string
          name: string
          tenant_id: string
          updated_at: string
        }
        Insert: {
          active?: boolean
          code: string
          created_at?: string
          id?: string
          name: string
          tenant_id: string
          updated_at?: string
        }
        Update: {
          active?: boolean
          code?: string
          created_at?: string
          id?: string
          name?: string
          tenant_id?: string
          updated_at?: string
        }
        Relationships: [
          {
            foreignKeyName: "warehouses_tenant_id_fkey"
            columns: ["tenant_id"]
            isOneToOne: false
            referencedRelation: "tenants"
            referencedColumns: ["id"]
          },
        ]
      }
      webhook_deliveries: {
        Row: {
          attempts: number
          created_at: string
          delivered_at: string | null
          endpoint_id: string
          event_id: string
          id: number
          last_error: string | null
          last_status_code: number | null
          locked_until: string | null
          next_attempt_at: string
          replay: boolean
          status: string
          tenant_id: string
        }
        Insert: {
          attempts?: number
          created_at?: string
          delivered_at?: string | null
          endpoint_id: string
          event_id: string
          id?: never
          last_error?: string | null
          last_status_code?: number | null
          locked_until?: string | null
          next_attempt_at?: string
          replay?: boolean
          status?: string
          tenant_id: string
        }
        Update: {
          attempts?: number
          created_at?: string
          delivered_at?: string | null
          endpoint_id?: string
          event_id?: string
          id?: never
          last_error?: string | null
          last_status_code?: number | null
          locked_until?: string | null
          next_attempt_at?: string
          replay?: boolean
          status?: string
          tenant_id?: string
        }
        Relationships: [
          {
            foreignKeyName: "webhook_deliveries_tenant_id_endpoint_id_fkey"
            columns: ["tenant_id", "endpoint_id"]
            isOneToOne: false
            referencedRelation: "webhook_endpoints"
            referencedColumns: ["tenant_id", "id"]
          },
          {
            foreignKeyName: "webhook_deliveries_tenant_id_event_id_fkey"
            columns: ["tenant_id", "event_id"]
            isOneToOne: false
            referencedRelation: "webhook_events"
            referencedColumns: ["tenant_id", "id"]
          },
          {
            foreignKeyName: "webhook_deliveries_tenant_id_fkey"
            columns: ["tenant_id"]
            isOneToOne: false
            referencedRelation: "tenants"
            referencedColumns: ["id"]
          },
        ]
      }
      webhook_delivery_attempts: {
        Row: {
          at: string
          attempt: number
          delivery_id: number
          duration_ms: number | null
          error: string | null
          id: number
          ok: boolean
          response: string | null
          status_code: number | null
          tenant_id: string
        }
        Insert: {
          at?: string
          attempt: number
          delivery_id: number
          duration_ms?: number | null
          error?: string | null
          id?: never
          ok: boolean
          response?: string | null
          status_code?: number | null
          tenant_id: string
        }
        Update: {
          at?: string
          attempt?: number
          delivery_id?: number
          duration_ms?: number | null
          error?: string | null
          id?: never
          ok?: boolean
          response?: string | null
          status_code?: number | null
          tenant_id?: string
        }
        Relationships: [
          {
            foreignKeyName: "webhook_delivery_attempts_tenant_id_delivery_id_fkey"
            columns: ["tenant_id", "delivery_id"]
            isOneToOne: false
            referencedRelation: "webhook_deliveries"
            referencedColumns: ["tenant_id", "id"]
          },
          {
            foreignKeyName: "webhook_delivery_attempts_tenant_id_fkey"
            columns: ["tenant_id"]
            isOneToOne: false
            referencedRelation: "tenants"
            referencedColumns: ["id"]
          },
        ]
      }
      webhook_endpoints: {
        Row: {
          active: boolean
          consecutive_failures: number
          created_at: string
          created_by: string | null
          disabled_at: string | null
          disabled_reason: string | null
          event_types: string[]
          failure_limit: number
          id: string
          kind: string
          name: string
          secret: string
          tenant_id: string
          updated_at: string
          url: string
        }
        Insert: {
          active?: boolean
          consecutive_failures?: number
          created_at?: string
          created_by?: string | null
          disabled_at?: string | null
          disabled_reason?: string | null
          event_types: string[]
          failure_limit?: number
          id?: string
          kind?: string
          name: string
          secret?: string
          tenant_id: string
          updated_at?: string
          url: string
        }
        Update: {
          active?: boolean
          consecutive_failures?: number
          created_at?: string
          created_by?: string | null
          disabled_at?: string | null
          disabled_reason?: string | null
          event_types?: string[]
          failure_limit?: number
          id?: string
          kind?: string
          name?: string
          secret?: string
          tenant_id?: string
          updated_at?: string
          url?: string
        }
        Relationships: [
          {
            foreignKeyName: "webhook_endpoints_tenant_id_fkey"
            columns: ["tenant_id"]
            isOneToOne: false
            referencedRelation: "tenants"
            referencedColumns: ["id"]
          },
        ]
      }
      webhook_event_types: {
        Row: {
          description: string
          example: NonNullable<Json>
          resource: string
          type: string
        }
        Insert: {
          description: string
          example?: NonNullable<Json>
          resource: string
          type: string
        }
        Update: {
          description?: string
          example?: NonNullable<Json>
          resource?: string
          type?: string
        }
        Relationships: []
      }
      webhook_events: {
        Row: {
          created_at: string
          id: string
          payload: NonNullable<Json>
          tenant_id: string
          type: string
        }
        Insert: {
          created_at?: string
          id?: string
          payload: NonNullable<Json>
          tenant_id: string
          type: string
        }
        Update: {
          created_at?: string
          id?: string
          payload?: NonNullable<Json>
          tenant_id?: string
          type?: string
        }
        Relationships: [
          {
            foreignKeyName: "webhook_events_tenant_id_fkey"
            columns: ["tenant_id"]
            isOneToOne: false
            referencedRelation: "tenants"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "webhook_events_type_fkey"
            columns: ["type"]
            isOneToOne: false
            referencedRelation: "webhook_event_types"
            referencedColumns: ["type"]
          },
        ]
      }
    }
    Views: {
      customer_shipments: {
        Row: {
          carrier: string | null
          created_at: string | null
          delivery_number: string | null
          order_number: string | null
          party_id: string | null
          sales_order_id: string | null
          shipped_on: string | null
          tenant_id: string | null
          tracking_number: string | null
        }
        Relationships: [
          {
            foreignKeyName: "order_documents_tenant_id_fkey"
            columns: ["tenant_id"]
            isOneToOne: false
            referencedRelation: "tenants"
            referencedColumns: ["id"]
          },
        ]
      }
      follow_ups_due: {
        Row: {
          content: string | null
          due_on: string | null
          follow_up_id: string | null
          happened_at: string | null
          kind: Database["public"]["Enums"]["follow_up_kind"] | null
          lead_id: string | null
          next_action: string | null
          opportunity_id: string | null
          overdue: boolean | null
          owner_id: string | null
          party_id: string | null
          tenant_id: string | null
        }
        Insert: {
          content?: string | null
          due_on?: string | null
          follow_up_id?: string | null
          happened_at?: string | null
          kind?: Database["public"]["Enums"]["follow_up_kind"] | null
          lead_id?: string | null
          next_action?: string | null
          opportunity_id?: string | null
          overdue?: never
          owner_id?: string | null
          party_id?: string | null
          tenant_id?: string | null
        }
        Update: {
          content?: string | null
          due_on?: string | null
          follow_up_id?: string | null
          happened_at?: string | null
          kind?: Database["public"]["Enums"]["follow_up_kind"] | null
          lead_id?: string | null
          next_action?: string | null
          opportunity_id?: string | null
          overdue?: never
          owner_id?: string | null
          party_id?: string | null
          tenant_id?: string | null
        }
        Relationships: [
          {
            foreignKeyName: "follow_ups_tenant_id_fkey"
            columns: ["tenant_id"]
            isOneToOne: false
            referencedRelation: "tenants"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "follow_ups_tenant_id_lead_id_fkey"
            columns: ["tenant_id", "lead_id"]
            isOneToOne: false
            referencedRelation: "leads"
            referencedColumns: ["tenant_id", "id"]
          },
          {
            foreignKeyName: "follow_ups_tenant_id_opportunity_id_fkey"
            columns: ["tenant_id", "opportunity_id"]
            isOneToOne: false
            referencedRelation: "opportunities"
            referencedColumns: ["tenant_id", "id"]
          },
          {
            foreignKeyName: "follow_ups_tenant_id_party_id_fkey"
            columns: ["tenant_id", "party_id"]
            isOneToOne: false
            referencedRelation: "parties"
            referencedColumns: ["tenant_id", "id"]
          },
        ]
      }
      item_availability: {
        Row: {
          item_id: string | null
          name: string | null
          on_hand: number | null
          on_order: number | null
          reserved: number | null
          sku: string | null
          tenant_id: string | null
          warehouse_code: string | null
          warehouse_id: string | null
        }
        Relationships: [
          {
            foreignKeyName: "items_tenant_id_fkey"
            columns: ["tenant_id"]
            isOneToOne: false
            referencedRelation: "tenants"
            referencedColumns: ["id"]
          },
        ]
      }
      party_last_follow_ups: {
        Row: {
          content: string | null
          follow_up_id: string | null
          happened_at: string | null
          kind: Database["public"]["Enums"]["follow_up_kind"] | null
          next_follow_up_on: string | null
          owner_id: string | null
          party_id: string | null
          tenant_id: string | null
        }
        Relationships: [
          {
            foreignKeyName: "follow_ups_tenant_id_fkey"
            columns: ["tenant_id"]
            isOneToOne: false
            referencedRelation: "tenants"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "follow_ups_tenant_id_party_id_fkey"
            columns: ["tenant_id", "party_id"]
            isOneToOne: false
            referencedRelation: "parties"
            referencedColumns: ["tenant_id", "id"]
          },
        ]
      }
      sales_order_backorders: {
        Row: {
          backordered_quantity: number | null
          confirmed_at: string | null
          covered_quantity: number | null
          item_id: string | null
          line_id: string | null
          line_no: number | null
          number: string | null
          open_quantity: number | null
          order_id: string | null
          party_id: string | null
          tenant_id: string | null
          warehouse_id: string | null
        }
        Relationships: [
          {
            foreignKeyName: "sales_orders_tenant_id_fkey"
            columns: ["tenant_id"]
            isOneToOne: false
            referencedRelation: "tenants"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "sales_orders_tenant_id_party_id_fkey"
            columns: ["tenant_id", "party_id"]
            isOneToOne: false
            referencedRelation: "parties"
            referencedColumns: ["tenant_id", "id"]
          },
          {
            foreignKeyName: "sales_orders_tenant_id_warehouse_id_fkey"
            columns: ["tenant_id", "warehouse_id"]
            isOneToOne: false
            referencedRelation: "warehouses"
            referencedColumns: ["tenant_id", "id"]
          },
        ]
      }
      sales_order_progress: {
        Row: {
          delivered_quantity: number | null
          id: string | null
          invoiced_quantity: number | null
          invoiced_total: number | null
          number: string | null
          party_id: string | null
          status: Database["public"]["Enums"]["order_status"] | null
          tenant_id: string | null
          total: number | null
          unpaid: number | null
        }
        Insert: {
          delivered_quantity?: never
          id?: string | null
          invoiced_quantity?: never
          invoiced_total?: never
          number?: string | null
          party_id?: string | null
          status?: Database["public"]["Enums"]["order_status"] | null
          tenant_id?: string | null
          total?: number | null
          unpaid?: never
        }
        Update: {
          delivered_quantity?: never
          id?: string | null
          invoiced_quantity?: never
          invoiced_total?: never
          number?: string | null
          party_id?: string | null
          status?: Database["public"]["Enums"]["order_status"] | null
          tenant_id?: string | null
          total?: number | null
          unpaid?: never
        }
        Relationships: [
          {
            foreignKeyName: "sales_orders_tenant_id_fkey"
            columns: ["tenant_id"]
            isOneToOne: false
            referencedRelation: "tenants"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "sales_orders_tenant_id_party_id_fkey"
            columns: ["tenant_id", "party_id"]
            isOneToOne: false
            referencedRelation: "parties"
            referencedColumns: ["tenant_id", "id"]
          },
        ]
      }
    }
    Functions: {
      accept_invitation: { Args: { p_token: string }; Returns: string }
      add_approval_signer: {
        Args: { p_comment?: string; p_task_id: string; p_user_id: string }
        Returns: Database["public"]["Enums"]["approval_status"]
      }
      aging: {
        Args: { p_as_of?: string; p_kind?: string }
        Returns: {
          days_1_30: number
          days_31_60: number
          days_61_90: number
          not_due: number
          over_90: number
          party_id: string
          party_name: string
          total: number
        }[]
      }
      api_key_token_claims: {
        Args: { p_api_key: string }
        Returns: {
          api_key_id: string
          expires_at: string
          generation: number
          tenant_id: string
          user_id: string
        }[]
      }
      api_reference: { Args: Record<PropertyKey, never>; Returns: Json }
      approval_inbox: {
        Args: { p_box?: string }
        Returns: {
          acted_at: string
          amount: number
          approval_status: Database["public"]["Enums"]["approval_status"]
          assigned_at: string
          box: string
          doc_id: string
          doc_type: string
          instance_id: string
          on_behalf_of: string
          requester_id: string
          step_name: string
          task_id: string
          task_status: Database["public"]["Enums"]["approval_task_status"]
          title: string
        }[]
      }
      approval_inbox_counts: {
        Args: Record<PropertyKey, never>
        Returns: {
          copied: number
          done: number
          pending: number
          submitted: number
        }[]
      }
      approval_preview: {
        Args: { p_doc_type: string; p_facts?: Json }
        Returns: {
          approver_names: string[]
          approvers: string[]
          chain_id: string
          chain_name: string
          mode: Database["public"]["Enums"]["approval_step_mode"]
          step_name: string
          step_no: number
          vote_threshold: number
        }[]
      }
      approval_wait_stats: {
        Args: { p_group?: string; p_since?: string }
        Returns: {
          avg_hours: number
          decided: number
          group_key: string
          label: string
          max_hours: number
          waiting: number
        }[]
      }
      approve_task: {
        Args: { p_comment?: string; p_task_id: string }
        Returns: Database["public"]["Enums"]["approval_status"]
      }
      balance_sheet: {
        Args: { p_period_id: string }
        Returns: {
          closing_balance: number
          indent: number
          line_no: number
          name: string
          year_opening_balance: number
        }[]
      }
      bank_match_input: { Args: { p_statement_id?: string }; Returns: Json }
      bank_reconciliation: {
        Args: { p_statement_id: string }
        Returns: {
          bank_account_id: string
          book_balance: number
          closing_balance: number
          lines: number
          opening_balance: number
          reconciled_count: number
          reconciled_sum: number
          statement_id: string
          unreconciled_count: number
          unreconciled_sum: number
        }[]
      }
      bill_purchase_order: {
        Args: {
          p_date?: string
          p_idempotency_key: string
          p_lines?: Json
          p_order_id: string
        }
        Returns: Json
      }
      boss_dashboard: { Args: Record<PropertyKey, never>; Returns: Json }
      cancel_order: {
        Args: { p_kind: string; p_order_id: string }
        Returns: undefined
      }
      cancel_payment_request: {
        Args: { p_request_id: string }
        Returns: undefined
      }
      cash_flow_statement: {
        Args: { p_period_id: string }
        Returns: {
          indent: number
          line_no: number
          name: string
          period_amount: number
          year_to_date_amount: number
        }[]
      }
      change_member_roles: {
        Args: { p_role_keys: string[]; p_user: string }
        Returns: undefined
      }
      check_api_key_request: {
        Args: Record<PropertyKey, never>
        Returns: undefined
      }
      close_period: { Args: { p_period_id: string }; Returns: Json }
      closing_checks: {
        Args: { p_period_id: string }
        Returns: {
          blocking: boolean
          check_key: string
          description: string
          label: string
          ref_id: string
        }[]
      }
      comment_approval: {
        Args: { p_comment: string; p_instance_id: string }
        Returns: undefined
      }
      confirm_bank_line: {
        Args: {
          p_account_id?: string
          p_department_id?: string
          p_kind: string
          p_learn?: boolean
          p_line_id: string
          p_open_item_id?: string
          p_other_line_id?: string
          p_party_id?: string
          p_project_id?: string
        }
        Returns: Json
      }
      confirm_purchase_order: { Args: { p_order_id: string }; Returns: Json }
      confirm_sales_order: { Args: { p_order_id: string }; Returns: Json }
      convert_lead: {
        Args: {
          p_expected_amount?: number
          p_expected_close_on?: string
          p_lead_id: string
          p_opportunity_name?: string
          p_party_code?: string
          p_party_id?: string
        }
        Returns: Json
      }
      copy_role: {
        Args: { p_from_key: string; p_name: string; p_new_key: string }
        Returns: string
      }
      create_api_key: {
        Args: { p_expires_at?: string; p_name: string; p_role_key: string }
        Returns: {
          api_key: string
          api_key_id: string
          expires_at: string
          prefix: string
        }[]
      }
      create_company: {
        Args: {
          p_accounting_standard?: Database["public"]["Enums"]["accounting_standard"]
          p_credit_code: string
          p_fiscal_year_start_month?: number
          p_industry?: string
          p_name: string
          p_taxpayer_type?: Database["public"]["Enums"]["taxpayer_type"]
        }
        Returns: string
      }
      create_replenishment_orders: {
        Args: Record<PropertyKey, never>
        Returns: Json
      }
      customer_archive: { Args: { p_party_id: string }; Returns: Json }
      deliver_sales_order: {
        Args: {
          p_carrier?: string
          p_date?: string
          p_idempotency_key: string
          p_lines?: Json
          p_order_id: string
          p_tracking_number?: string
        }
        Returns: Json
      }
      expire_quotations: { Args: Record<PropertyKey, never>; Returns: number }
      financial_statement: {
        Args: { p_period_id: string; p_statement: string }
        Returns: {
          amount: number
          compare_amount: number
          formula: Json
          indent: number
          line_no: number
          name: string
        }[]
      }
      general_ledger: {
        Args: { p_account_id: string; p_fiscal_year: number }
        Returns: {
          closing: number
          credit: number
          debit: number
          end_date: string
          opening: number
          period_id: string
          period_no: number
          start_date: string
        }[]
      }
      import_bank_statement: {
        Args: { p_bank_account_id: string; p_lines: Json; p_statement: Json }
        Returns: Json
      }
      import_customers: {
        Args: { p_dry_run?: boolean; p_rows: Json }
        Returns: Json
      }
      import_opening_balances: {
        Args: { p_date?: string; p_dry_run?: boolean; p_rows: Json }
        Returns: Json
      }
      import_opening_stock: {
        Args: { p_date?: string; p_dry_run?: boolean; p_rows: Json }
        Returns: Json
      }
      import_products: {
        Args: { p_dry_run?: boolean; p_rows: Json }
        Returns: Json
      }
      import_suppliers: {
        Args: { p_dry_run?: boolean; p_rows: Json }
        Returns: Json
      }
      income_statement: {
        Args: { p_period_id: string }
        Returns: {
          indent: number
          line_no: number
          name: string
          period_amount: number
          year_to_date_amount: number
        }[]
      }
      invite_member: {
        Args: { p_email: string; p_role_keys: string[] }
        Returns: {
          invitation_id: string
          link: string
          token: string
        }[]
      }
      invoice_sales_order: {
        Args: {
          p_date?: string
          p_idempotency_key: string
          p_lines?: Json
          p_order_id: string
        }
        Returns: Json
      }
      is_valid_credit_code: { Args: { p_code: string }; Returns: boolean }
      leave_days: {
        Args: {
          p_end_half?: boolean
          p_from: string
          p_start_half?: boolean
          p_to: string
        }
        Returns: number
      }
      leave_tenant: { Args: Record<PropertyKey, never>; Returns: undefined }
      ledger_detail: {
        Args: {
          p_account_id: string
          p_from: string
          p_limit?: number
          p_offset?: number
          p_party_id?: string
          p_to: string
        }
        Returns: {
          account_code: string
          balance: number
          credit: number
          debit: number
          line_no: number
          number: number
          party_id: string
          row_no: number
          summary: string
          voucher_date: string
          voucher_id: string
          word: string
        }[]
      }
      list_api_keys: {
        Args: Record<PropertyKey, never>
        Returns: {
          created_at: string
          expires_at: string
          id: string
          last_used_at: string
          name: string
          prefix: string
          revoked_at: string
          role_keys: string[]
          rotated_at: string
          status: string
        }[]
      }
      my_follow_ups_due: {
        Args: Record<PropertyKey, never>
        Returns: {
          content: string
          days_overdue: number
          due_on: string
          follow_up_id: string
          happened_at: string
          kind: Database["public"]["Enums"]["follow_up_kind"]
          lead_id: string
          lead_name: string
          next_action: string
          opportunity_id: string
          opportunity_name: string
          overdue: boolean
          party_id: string
          party_name: string
        }[]
      }
      my_permissions: {
        Args: Record<PropertyKey, never>
        Returns: {
          action: string
          resource: string
        }[]
      }
      my_tenants: {
        Args: Record<PropertyKey, never>
        Returns: {
          active: boolean
          name: string
          role_keys: string[]
          status: Database["public"]["Enums"]["tenant_status"]
          tenant_id: string
          trial_days_left: number
        }[]
      }
      next_document_number: {
        Args: { p_date?: string; p_doc_type: string }
        Returns: string
      }
      normalize_counterparty: { Args: { p_name: string }; Returns: string }
      overdue_approval_tasks: {
        Args: Record<PropertyKey, never>
        Returns: {
          assigned_at: string
          assignee_id: string
          assignee_name: string
          doc_id: string
          doc_type: string
          instance_id: string
          step_name: string
          task_id: string
          title: string
          waiting_hours: number
        }[]
      }
      party_balance: {
        Args: { p_party_id: string }
        Returns: {
          account_id: string
          balance: number
          code: string
          credit: number
          debit: number
          name: string
        }[]
      }
      pay_payment_request: {
        Args: {
          p_date?: string
          p_idempotency_key: string
          p_request_id: string
        }
        Returns: Json
      }
      post_document: {
        Args: {
          p_doc_type: string
          p_document: Json
          p_idempotency_key: string
        }
        Returns: Json
      }
      post_stocktake: {
        Args: {
          p_date?: string
          p_idempotency_key: string
          p_stocktake_id: string
        }
        Returns: Json
      }
      post_voucher: { Args: { p_voucher: string }; Returns: number }
      prepare_partial_red_invoice: {
        Args: { p_lines: Json; p_original_id: string; p_reason: string }
        Returns: string
      }
      prepare_red_invoice: {
        Args: {
          p_document_id?: string
          p_original_id: string
          p_reason: string
        }
        Returns: string
      }
      prepare_tax_invoice: {
        Args: { p_document_id: string; p_invoice_type?: string }
        Returns: string
      }
      quotation_to_sales_order: {
        Args: { p_quotation_id: string }
        Returns: Json
      }
      reassign_customers: {
        Args: { p_from_user: string; p_to_user: string }
        Returns: Json
      }
      reassign_task: {
        Args: { p_comment?: string; p_task_id: string; p_to_user_id: string }
        Returns: Database["public"]["Enums"]["approval_status"]
      }
      receive_purchase_order: {
        Args: {
          p_date?: string
          p_idempotency_key: string
          p_lines?: Json
          p_order_id: string
        }
        Returns: Json
      }
      record_tax_invoice_number: {
        Args: {
          p_invoice_id: string
          p_invoice_number: string
          p_issued_at?: string
        }
        Returns: undefined
      }
      reject_task: {
        Args: { p_comment?: string; p_task_id: string }
        Returns: Database["public"]["Enums"]["approval_status"]
      }
      remove_member: { Args: { p_user: string }; Returns: undefined }
      reopen_period: {
        Args: { p_period_id: string; p_reason: string }
        Returns: Json
      }
      replay_webhook_event: {
        Args: { p_endpoint_id?: string; p_event_id: string }
        Returns: number
      }
      replenishment_suggestions: {
        Args: Record<PropertyKey, never>
        Returns: {
          item_id: string
          name: string
          on_hand: number
          on_order: number
          reorder_point: number
          reserved: number
          sku: string
          suggested_quantity: number
          supplier_id: string
          supplier_name: string
        }[]
      }
      return_purchase_order: {
        Args: {
          p_date?: string
          p_idempotency_key: string
          p_lines: Json
          p_order_id: string
        }
        Returns: Json
      }
      return_sales_order: {
        Args: {
          p_date?: string
          p_idempotency_key: string
          p_lines: Json
          p_order_id: string
        }
        Returns: Json
      }
      return_task: {
        Args: { p_comment?: string; p_task_id: string; p_to_position: number }
        Returns: Database["public"]["Enums"]["approval_status"]
      }
      reverse_document: {
        Args: {
          p_date?: string
          p_document_id: string
          p_idempotency_key: string
        }
        Returns: Json
      }
      reverse_voucher: {
        Args: { p_date?: string; p_voucher: string }
        Returns: string
      }
      review_voucher: {
        Args: { p_undo?: boolean; p_voucher: string }
        Returns: undefined
      }
      revoke_api_key: { Args: { p_api_key: string }; Returns: undefined }
      revoke_invitation: { Args: { p_invitation: string }; Returns: undefined }
      rotate_api_key: {
        Args: { p_api_key: string }
        Returns: {
          api_key: string
          prefix: string
        }[]
      }
      sales_margin: {
        Args: { p_from: string; p_group?: string; p_to: string }
        Returns: {
          cost: number
          key_id: string
          key_name: string
          margin: number
          margin_rate: number
          quantity: number
          revenue: number
        }[]
      }
      save_order: {
        Args: { p_kind: string; p_lines: Json; p_order: Json }
        Returns: Json
      }
      save_payment_request: {
        Args: { p_lines: Json; p_request: Json }
        Returns: Json
      }
      save_voucher: { Args: { p_lines: Json; p_voucher: Json }; Returns: Json }
      set_member_department: {
        Args: { p_department: string; p_user: string }
        Returns: undefined
      }
      small_scale_threshold_status: {
        Args: { p_as_of?: string }
        Returns: {
          level: string
          message: string
          ratio: number
          sales: number
          taxpayer_type: string
          threshold: number
          window_end: string
          window_start: string
        }[]
      }
      start_stocktake: {
        Args: { p_item_ids?: string[]; p_note?: string; p_warehouse_id: string }
        Returns: string
      }
      statement_layout: {
        Args: { p_statement: string }
        Returns: {
          formula: Json
          indent: number
          line_no: number
          name: string
          overridden: boolean
        }[]
      }
      stock_on_hand: {
        Args: { p_as_of?: string; p_category?: string; p_warehouse?: string }
        Returns: {
          category: string
          item_id: string
          name: string
          quantity: number
          sku: string
          value: number
          warehouse_id: string
          warehouse_name: string
        }[]
      }
      stock_valuation: {
        Args: { p_as_of?: string; p_group?: string }
        Returns: {
          category: string
          items: number
          quantity: number
          value: number
          warehouse_id: string
          warehouse_name: string
        }[]
      }
      submit_payment_request: { Args: { p_request_id: string }; Returns: Json }
      submit_request: {
        Args: { p_doc_type: string; p_id: string }
        Returns: string
      }
      switch_tenant: { Args: { p_tenant: string }; Returns: undefined }
      tag_cash_line: {
        Args: { p_item_code: string; p_line_id: string }
        Returns: undefined
      }
      tax_rate: { Args: { p_code: string; p_date?: string }; Returns: number }
      transfer_ownership: { Args: { p_user: string }; Returns: undefined }
      transfer_task: {
        Args: { p_comment?: string; p_task_id: string; p_to_user_id: string }
        Returns: Database["public"]["Enums"]["approval_status"]
      }
      trial_balance: {
        Args: { p_period_id: string }
        Returns: {
          account_id: string
          closing_credit: number
          closing_debit: number
          code: string
          direction: Database["public"]["Enums"]["balance_direction"]
          is_leaf: boolean
          level: number
          name: string
          opening_credit: number
          opening_debit: number
          period_credit: number
          period_debit: number
        }[]
      }
      trial_balance_by_dimension: {
        Args: {
          p_account_id?: string
          p_dimension: string
          p_period_id: string
        }
        Returns: {
          account_id: string
          closing_credit: number
          closing_debit: number
          code: string
          dimension_id: string
          dimension_name: string
          name: string
          opening_credit: number
          opening_debit: number
          period_credit: number
          period_debit: number
        }[]
      }
      untagged_cash_lines: {
        Args: { p_from: string; p_to: string }
        Returns: {
          account_code: string
          credit: number
          debit: number
          line_id: string
          number: number
          summary: string
          voucher_date: string
          voucher_id: string
          word: string
        }[]
      }
      update_member: {
        Args: { p_department: string; p_role_keys: string[]; p_user: string }
        Returns: undefined
      }
      vat_document: {
        Args: { p_date: string; p_lines: Json; p_tax_inclusive?: boolean }
        Returns: Json
      }
      vat_line: {
        Args: {
          p_discount?: number
          p_quantity: number
          p_rate: number
          p_tax_inclusive?: boolean
          p_unit_price: number
        }
        Returns: {
          amount: number
          tax: number
          total: number
        }[]
      }
      vat_parameter: {
        Args: { p_date?: string; p_key: string }
        Returns: number
      }
      vat_summary: {
        Args: { p_period_id: string }
        Returns: {
          carried_forward: number
          end_date: string
          input_transferred_out: number
          input_vat: number
          monthly_exemption: number
          output_vat: number
          payable: number
          period_id: string
          sales: number
          start_date: string
          taxpayer_type: string
        }[]
      }
      voucher_journal: {
        Args: { p_limit?: number; p_offset?: number; p_period_id: string }
        Returns: {
          account_code: string
          account_name: string
          credit: number
          debit: number
          line_no: number
          number: number
          status: Database["public"]["Enums"]["voucher_status"]
          summary: string
          voucher_date: string
          voucher_id: string
          voucher_summary: string
          word: string
        }[]
      }
      webhook_claim_deliveries: {
        Args: { p_lease_seconds?: number; p_limit?: number }
        Returns: {
          attempt: number
          delivery_id: number
          endpoint_id: string
          event_created_at: string
          event_id: string
          event_type: string
          kind: string
          payload: Json
          secret: string
          tenant_id: string
          url: string
        }[]
      }
      webhook_record_attempt: {
        Args: {
          p_attempt: number
          p_delivery_id: number
          p_duration_ms: number
          p_error: string
          p_ok: boolean
          p_response: string
          p_retry_in_seconds: number
          p_status_code: number
        }
        Returns: string
      }
      whoami: { Args: Record<PropertyKey, never>; Returns: Json }
      withdraw_approval: { Args: { p_instance_id: string }; Returns: undefined }
    }
    Enums: {
      account_type:
        | "asset"
        | "liability"
        | "common"
        | "equity"
        | "cost"
        | "profit_and_loss"
      accounting_standard: "small_enterprise" | "enterprise"
      address_kind: "shipping" | "billing" | "registered"
      approval_status: "pending" | "approved" | "rejected" | "withdrawn"
      approval_step_mode: "any" | "all" | "vote"
      approval_step_status: "waiting" | "active" | "approved" | "rejected"
      approval_task_kind: "approve" | "copy"
      approval_task_status:
        | "pending"
        | "approved"
        | "rejected"
        | "returned"
        | "transferred"
        | "cancelled"
        | "copied"
      approver_kind: "person" | "role" | "department_manager" | "manager_up"
      balance_direction: "debit" | "credit"
      cash_flow_direction: "in" | "out"
      follow_up_kind: "call" | "visit" | "message" | "note"
      invoice_kind: "none" | "ordinary" | "special"
      lead_status: "new" | "contacted" | "qualified" | "converted" | "lost"
      leave_type:
        | "annual"
        | "sick"
        | "personal"
        | "marriage"
        | "maternity"
        | "paternity"
        | "bereavement"
        | "compensatory"
        | "other"
      oa_status: "draft" | "pending" | "approved" | "rejected" | "withdrawn"
      open_item_kind:
        | "invoice"
        | "bill"
        | "credit_note"
        | "debit_note"
        | "prepayment"
        | "adjustment"
        | "opening"
      order_status:
        | "draft"
        | "submitted"
        | "confirmed"
        | "partial"
        | "completed"
        | "cancelled"
      payment_request_status:
        | "draft"
        | "pending"
        | "approved"
        | "rejected"
        | "withdrawn"
        | "paid"
        | "cancelled"
      period_closing_action: "close" | "reopen"
      period_status: "open" | "closed"
      quotation_status: "draft" | "sent" | "accepted" | "rejected" | "expired"
      seal_type:
        | "company"
        | "contract"
        | "finance"
        | "legal_representative"
        | "invoice"
      sequence_reset: "month" | "year" | "never"
      stage_outcome: "open" | "won" | "lost"
      statement_kind: "balance_sheet" | "income_statement" | "cash_flow"
      tax_kind: "output" | "input" | "simplified"
      taxpayer_type: "general" | "small_scale"
      tenant_status: "trial" | "active" | "expired"
      ticket_priority: "low" | "normal" | "high" | "urgent"
      ticket_status: "open" | "in_progress" | "resolved" | "closed"
      voucher_status: "draft" | "posted" | "reversed"
    }
    CompositeTypes: {
      [_ in never]: never
    }
  }
}

type DatabaseWithoutInternals = Omit<Database, "__InternalSupabase">

type DefaultSchema = DatabaseWithoutInternals[Extract<keyof Database, "public">]

export type Tables<
  DefaultSchemaTableNameOrOptions extends
    | keyof (DefaultSchema["Tables"] & DefaultSchema["Views"])
    | { schema: keyof DatabaseWithoutInternals },
  TableName extends (DefaultSchemaTableNameOrOptions extends {
    schema: keyof DatabaseWithoutInternals
  }
    ? keyof (DatabaseWithoutInternals[DefaultSchemaTableNameOrOptions["schema"]]["Tables"] &
        DatabaseWithoutInternals[DefaultSchemaTableNameOrOptions["schema"]]["Views"])
    : never) = never,
> = DefaultSchemaTableNameOrOptions extends {
  schema: keyof DatabaseWithoutInternals
}
  ? (DatabaseWithoutInternals[DefaultSchemaTableNameOrOptions["schema"]]["Tables"] &
      DatabaseWithoutInternals[DefaultSchemaTableNameOrOptions["schema"]]["Views"])[TableName] extends {
      Row: infer R
    }
    ? R
    : never
  : DefaultSchemaTableNameOrOptions extends keyof (DefaultSchema["Tables"] &
        DefaultSchema["Views"])
    ? (DefaultSchema["Tables"] &
        DefaultSchema["Views"])[DefaultSchemaTableNameOrOptions] extends {
        Row: infer R
      }
      ? R
      : never
    : never

export type TablesInsert<
  DefaultSchemaTableNameOrOptions extends
    | keyof DefaultSchema["Tables"]
    | { schema: keyof DatabaseWithoutInternals },
  TableName extends (DefaultSchemaTableNameOrOptions extends {
    schema: keyof DatabaseWithoutInternals
  }
    ? keyof DatabaseWithoutInternals[DefaultSchemaTableNameOrOptions["schema"]]["Tables"]
    : never) = never,
> = DefaultSchemaTableNameOrOptions extends {
  schema: keyof DatabaseWithoutInternals
}
  ? DatabaseWithoutInternals[DefaultSchemaTableNameOrOptions["schema"]]["Tables"][TableName] extends {
      Insert: infer I
    }
    ? I
    : never
  : DefaultSchemaTableNameOrOptions extends keyof DefaultSchema["Tables"]
    ? DefaultSchema["Tables"][DefaultSchemaTableNameOrOptions] extends {
        Insert: infer I
      }
      ? I
      : never
    : never

export type TablesUpdate<
  DefaultSchemaTableNameOrOptions extends
    | keyof DefaultSchema["Tables"]
    | { schema: keyof DatabaseWithoutInternals },
  TableName extends (DefaultSchemaTableNameOrOptions extends {
    schema: keyof DatabaseWithoutInternals
  }
    ? keyof DatabaseWithoutInternals[DefaultSchemaTableNameOrOptions["schema"]]["Tables"]
    : never) = never,
> = DefaultSchemaTableNameOrOptions extends {
  schema: keyof DatabaseWithoutInternals
}
  ? DatabaseWithoutInternals[DefaultSchemaTableNameOrOptions["schema"]]["Tables"][TableName] extends {
      Update: infer U
    }
    ? U
    : never
  : DefaultSchemaTableNameOrOptions extends keyof DefaultSchema["Tables"]
    ? DefaultSchema["Tables"][DefaultSchemaTableNameOrOptions] extends {
        Update: infer U
      }
      ? U
      : never
    : never

export type Enums<
  DefaultSchemaEnumNameOrOptions extends
    | keyof DefaultSchema["Enums"]
    | { schema: keyof DatabaseWithoutInternals },
  EnumName extends (DefaultSchemaEnumNameOrOptions extends {
    schema: keyof DatabaseWithoutInternals
  }
    ? keyof DatabaseWithoutInternals[DefaultSchemaEnumNameOrOptions["schema"]]["Enums"]
    : never) = never,
> = DefaultSchemaEnumNameOrOptions extends {
  schema: keyof DatabaseWithoutInternals
}
  ? DatabaseWithoutInternals[DefaultSchemaEnumNameOrOptions["schema"]]["Enums"][EnumName]
  : DefaultSchemaEnumNameOrOptions extends keyof DefaultSchema["Enums"]
    ? DefaultSchema["Enums"][DefaultSchemaEnumNameOrOptions]
    : never

export type CompositeTypes<
  PublicCompositeTypeNameOrOptions extends
    | keyof DefaultSchema["CompositeTypes"]
    | { schema: keyof DatabaseWithoutInternals },
  CompositeTypeName extends (PublicCompositeTypeNameOrOptions extends {
    schema: keyof DatabaseWithoutInternals
  }
    ? keyof DatabaseWithoutInternals[PublicCompositeTypeNameOrOptions["schema"]]["CompositeTypes"]
    : never) = never,
> = PublicCompositeTypeNameOrOptions extends {
  schema: keyof DatabaseWithoutInternals
}
  ? DatabaseWithoutInternals[PublicCompositeTypeNameOrOptions["schema"]]["CompositeTypes"][CompositeTypeName]
  : PublicCompositeTypeNameOrOptions extends keyof DefaultSchema["CompositeTypes"]
    ? DefaultSchema["CompositeTypes"][PublicCompositeTypeNameOrOptions]
    : never

export const Constants = {
  public: {
    Enums: {
      account_type: [
        "asset",
        "liability",
        "common",
        "equity",
        "cost",
        "profit_and_loss",
      ],
      accounting_standard: ["small_enterprise", "enterprise"],
      address_kind: ["shipping", "billing", "registered"],
      approval_status: ["pending", "approved", "rejected", "withdrawn"],
      approval_step_mode: ["any", "all", "vote"],
      approval_step_status: ["waiting", "active", "approved", "rejected"],
      approval_task_kind: ["approve", "copy"],
      approval_task_status: [
        "pending",
        "approved",
        "rejected",
        "returned",
        "transferred",
        "cancelled",
        "copied",
      ],
      approver_kind: ["person", "role", "department_manager", "manager_up"],
      balance_direction: ["debit", "credit"],
      cash_flow_direction: ["in", "out"],
      follow_up_kind: ["call", "visit", "message", "note"],
      invoice_kind: ["none", "ordinary", "special"],
      lead_status: ["new", "contacted", "qualified", "converted", "lost"],
      leave_type: [
        "annual",
        "sick",
        "personal",
        "marriage",
        "maternity",
        "paternity",
        "bereavement",
        "compensatory",
        "other",
      ],
      oa_status: ["draft", "pending", "approved", "rejected", "withdrawn"],
      open_item_kind: [
        "invoice",
        "bill",
        "credit_note",
        "debit_note",
        "prepayment",
        "adjustment",
        "opening",
      ],
      order_status: [
        "draft",
        "submitted",
        "confirmed",
        "partial",
        "completed",
        "cancelled",
      ],
      payment_request_status: [
        "draft",
        "pending",
        "approved",
        "rejected",
        "withdrawn",
        "paid",
        "cancelled",
      ],
      period_closing_action: ["close", "reopen"],
      period_status: ["open", "closed"],
      quotation_status: ["draft", "sent", "accepted", "rejected", "expired"],
      seal_type: [
        "company",
        "contract",
        "finance",
        "legal_representative",
        "invoice",
      ],
      sequence_reset: ["month", "year", "never"],
      stage_outcome: ["open", "won", "lost"],
      statement_kind: ["balance_sheet", "income_statement", "cash_flow"],
      tax_kind: ["output", "input", "simplified"],
      taxpayer_type: ["general", "small_scale"],
      tenant_status: ["trial", "active", "expired"],
      ticket_priority: ["low", "normal", "high", "urgent"],
      ticket_status: ["open", "in_progress", "resolved", "closed"],
      voucher_status: ["draft", "posted", "reversed"],
    },
  },
} as const

