// The signed-in frame: the sidebar (Schedule first, as in the guide), the person's name, role and time zone.
// On a phone the sidebar is a bar at the top whose menu button opens the navigation; choosing a page closes it.
import { useEffect, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from '../lib/router';
import { useAuth, useMe, type Me } from '../lib/auth';
import type CommonCatalog from '../i18n/catalogs/common/en';

// The labels are keys of the common catalogue's navigation.
type NavItem = {
  href: string;
  label: Exclude<keyof (typeof CommonCatalog)['nav'], 'label' | 'skip' | 'menu'>;
  roles?: Me['role'][];
};

const NAV: NavItem[] = [
  { href: '/platform/schedule', label: 'schedule' },
  { href: '/platform/enrollments', label: 'enrollments' },
  { href: '/platform/homework', label: 'homework' },
  { href: '/platform/trainings', label: 'trainings' },
  { href: '/platform/billing', label: 'billing' },
  { href: '/platform/preferences', label: 'preferences' },
  { href: '/platform/admin/people', label: 'people', roles: ['admin'] },
  { href: '/platform/admin/groups', label: 'groups', roles: ['admin', 'teacher'] },
  { href: '/platform/admin/courses', label: 'courses', roles: ['admin'] },
  { href: '/platform/admin/audit', label: 'audit', roles: ['admin'] },
  { href: '/platform/admin/reports', label: 'reports', roles: ['admin'] },
];

export function Layout({ children }: { children: ReactNode }) {
  const me = useMe();
  const { signOut } = useAuth();
  const { path } = useLocation();
  const { t } = useTranslation();
  const items = NAV.filter((n) => !n.roles || n.roles.includes(me.role));
  const [menuOpen, setMenuOpen] = useState(false);
  useEffect(() => setMenuOpen(false), [path]);
  return (
    <div className="shell">
      <a className="skip-link" href="#main">
        {t('nav.skip')}
      </a>
      <aside className="sidebar" data-open={menuOpen}>
        <div className="sidebar-top">
          <div className="brand">Lectern</div>
          <button
            type="button"
            className="menu-toggle"
            aria-expanded={menuOpen}
            aria-controls="sidebar-panel"
            onClick={() => setMenuOpen((o) => !o)}
            data-testid="menu-toggle"
          >
            {t('nav.menu')}
          </button>
        </div>
        <div className="sidebar-panel" id="sidebar-panel">
          <nav aria-label={t('nav.label')}>
            <ul>
              {items.map((n) => (
                <li key={n.href}>
                  <Link href={n.href} aria-current={path.startsWith(n.href) ? 'page' : undefined}>
                    {t(`nav.${n.label}`)}
                  </Link>
                </li>
              ))}
            </ul>
          </nav>
          <div className="whoami">
            <div className="whoami-name">{me.name}</div>
            <div className="whoami-meta">
              {t(`role.${me.role}`)} · <span title={t('me.timeZoneHint')}>{me.timeZone}</span>
            </div>
            <Link
              href="/platform/account/password"
              className="whoami-link"
              aria-current={path.startsWith('/platform/account/password') ? 'page' : undefined}
            >
              {t('me.changePassword')}
            </Link>
            <button type="button" className="btn btn-small btn-ghost" onClick={() => void signOut()}>
              {t('me.signOut')}
            </button>
          </div>
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
