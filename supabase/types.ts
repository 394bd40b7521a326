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
            referencedRelation: "items"
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
    }
    Functions: {
      accept_invitation: { Args: { p_token: string }; Returns: string }
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
      change_member_roles: {
        Args: { p_role_keys: string[]; p_user: string }
        Returns: undefined
      }
      check_api_key_request: {
        Args: Record<PropertyKey, never>
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
      customer_archive: { Args: { p_party_id: string }; Returns: Json }
      expire_quotations: { Args: Record<PropertyKey, never>; Returns: number }
      import_bank_statement: {
        Args: { p_bank_account_id: string; p_lines: Json; p_statement: Json }
        Returns: Json
      }
      import_customers: {
        Args: { p_dry_run?: boolean; p_rows: Json }
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
      invite_member: {
        Args: { p_email: string; p_role_keys: string[] }
        Returns: {
          invitation_id: string
          link: string
          token: string
        }[]
      }
      is_valid_credit_code: { Args: { p_code: string }; Returns: boolean }
      leave_tenant: { Args: Record<PropertyKey, never>; Returns: undefined }
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
      post_document: {
        Args: {
          p_doc_type: string
          p_document: Json
          p_idempotency_key: string
        }
        Returns: Json
      }
      post_voucher: { Args: { p_voucher: string }; Returns: number }
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
      reassign_customers: {
        Args: { p_from_user: string; p_to_user: string }
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
      remove_member: { Args: { p_user: string }; Returns: undefined }
      replay_webhook_event: {
        Args: { p_endpoint_id?: string; p_event_id: string }
        Returns: number
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
      switch_tenant: { Args: { p_tenant: string }; Returns: undefined }
      tax_rate: { Args: { p_code: string; p_date?: string }; Returns: number }
      transfer_ownership: { Args: { p_user: string }; Returns: undefined }
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
      balance_direction: "debit" | "credit"
      follow_up_kind: "call" | "visit" | "message" | "note"
      lead_status: "new" | "contacted" | "qualified" | "converted" | "lost"
      open_item_kind:
        | "invoice"
        | "bill"
        | "credit_note"
        | "debit_note"
        | "prepayment"
        | "adjustment"
        | "opening"
      period_status: "open" | "closed"
      quotation_status: "draft" | "sent" | "accepted" | "rejected" | "expired"
      sequence_reset: "month" | "year" | "never"
      stage_outcome: "open" | "won" | "lost"
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
      balance_direction: ["debit", "credit"],
      follow_up_kind: ["call", "visit", "message", "note"],
      lead_status: ["new", "contacted", "qualified", "converted", "lost"],
      open_item_kind: [
        "invoice",
        "bill",
        "credit_note",
        "debit_note",
        "prepayment",
        "adjustment",
        "opening",
      ],
      period_status: ["open", "closed"],
      quotation_status: ["draft", "sent", "accepted", "rejected", "expired"],
      sequence_reset: ["month", "year", "never"],
      stage_outcome: ["open", "won", "lost"],
      tax_kind: ["output", "input", "simplified"],
      taxpayer_type: ["general", "small_scale"],
      tenant_status: ["trial", "active", "expired"],
      ticket_priority: ["low", "normal", "high", "urgent"],
      ticket_status: ["open", "in_progress", "resolved", "closed"],
      voucher_status: ["draft", "posted", "reversed"],
    },
  },
} as const

