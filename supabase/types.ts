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
    }
    Views: {
      [_ in never]: never
    }
    Functions: {
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
      is_valid_credit_code: { Args: { p_code: string }; Returns: boolean }
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
      switch_tenant: { Args: { p_tenant: string }; Returns: undefined }
      whoami: { Args: Record<PropertyKey, never>; Returns: Json }
    }
    Enums: {
      accounting_standard: "small_enterprise" | "enterprise"
      taxpayer_type: "general" | "small_scale"
      tenant_status: "trial" | "active" | "expired"
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
      accounting_standard: ["small_enterprise", "enterprise"],
      taxpayer_type: ["general", "small_scale"],
      tenant_status: ["trial", "active", "expired"],
    },
  },
} as const

