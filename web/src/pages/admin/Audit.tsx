// Audit page (placeholder until its API lands).
import { Unavailable } from '../../ui/Unavailable';

export default function AuditPage(_: { params: Record<string, string> }) {
  return <Unavailable what="Audit" />;
}
