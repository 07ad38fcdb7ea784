// Enrollment page (placeholder until its API lands).
import { Unavailable } from '../ui/Unavailable';

export default function EnrollmentPage(_: { params: Record<string, string> }) {
  return <Unavailable what="Enrollment" />;
}
