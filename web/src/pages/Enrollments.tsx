// Enrollments page (placeholder until its API lands).
import { Unavailable } from '../ui/Unavailable';

export default function EnrollmentsPage(_: { params: Record<string, string> }) {
  return <Unavailable what="Enrollments" />;
}
