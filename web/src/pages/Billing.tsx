// Billing page (placeholder until its API lands).
import { Unavailable } from '../ui/Unavailable';

export default function BillingPage(_: { params: Record<string, string> }) {
  return <Unavailable what="Billing" />;
}
