import type { Tables } from '../../../../supabase/types.ts'

// public.profiles: one row per auth user, made by a trigger at sign-up; RLS lets each user read/update
// their own. display_name is '' when not set; locale is 'zh-CN' or 'en' (a check constraint).
export type Profile = Tables<'profiles'>

export const DISPLAY_NAME_MAX = 100
