// The signed-in frame: the sidebar (Schedule first, as in the guide), the person's name, role and time zone.
import type { ReactNode } from 'react';
import { Link, useLocation } from '../lib/router';
import { useAuth, useMe, type Me } from '../lib/auth';

type NavItem = { href: string; label: string; roles?: Me['role'][] };

const NAV: NavItem[] = [
  { href: '/platform/schedule', label: 'Schedule' },
  { href: '/platform/enrollments', label: 'Enrollments' },
  { href: '/platform/homework', label: 'Homework' },
  { href: '/platform/trainings', label: 'Trainings' },
  { href: '/platform/billing', label: 'Billing' },
  { href: '/platform/preferences', label: 'Preferences' },
  { href: '/platform/admin/people', label: 'People', roles: ['admin'] },
  { href: '/platform/admin/groups', label: 'Groups', roles: ['admin', 'teacher'] },
  { href: '/platform/admin/courses', label: 'Courses', roles: ['admin'] },
  { href: '/platform/admin/audit', label: 'Audit log', roles: ['admin'] },
  { href: '/platform/admin/reports', label: 'Reports', roles: ['admin'] },
];

export function Layout({ children }: { children: ReactNode }) {
  const me = useMe();
  const { signOut } = useAuth();
  const { path } = useLocation();
  const items = NAV.filter((n) => !n.roles || n.roles.includes(me.role));
  return (
    <div className="shell">
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <aside className="sidebar">
        <div className="brand">Lectern</div>
        <nav aria-label="Main">
          <ul>
            {items.map((n) => (
              <li key={n.href}>
                <Link href={n.href} aria-current={path.startsWith(n.href) ? 'page' : undefined}>
                  {n.label}
                </Link>
              </li>
            ))}
          </ul>
        </nav>
        <div className="whoami">
          <div className="whoami-name">{me.name}</div>
          <div className="whoami-meta">
            {me.role} · <span title="Times are shown in this time zone">{me.timeZone}</span>
          </div>
          <Link
            href="/platform/account/password"
            className="whoami-link"
            aria-current={path.startsWith('/platform/account/password') ? 'page' : undefined}
          >
            Change password
          </Link>
          <button type="button" className="btn btn-small btn-ghost" onClick={() => void signOut()}>
            Sign out
          </button>
        </div>
      </aside>
      <main id="main" className="content" tabIndex={-1}>
        {children}
      </main>
    </div>
  );
}

export function PageHeader({
  title,
  actions,
  children,
}: {
  title: string;
  actions?: ReactNode;
  children?: ReactNode;
}) {
  return (
    <header className="page-head">
      <div>
        <h1>{title}</h1>
        {children && <div className="page-sub">{children}</div>}
      </div>
      {actions && <div className="page-actions">{actions}</div>}
    </header>
  );
}
