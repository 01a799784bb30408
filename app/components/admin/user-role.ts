import type { Role } from "~/domain/auth/roles";

/**
 * What the admin user list shows as a user's role. The prosecutor role is held by 检察官 and by
 * their 检察官助理 and 书记员 alike, so for it the user's post says who they are; other roles
 * (and a prosecutor-role user without a post) show the role's own label.
 */
export function shownRole(user: { role: string; post: string | null }, roleLabel: (role: string) => string): string {
  const post = user.post?.trim();
  if (user.role === ("prosecutor" satisfies Role) && post) return post;
  return roleLabel(user.role);
}
