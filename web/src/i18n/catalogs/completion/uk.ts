import type { Translation } from '../../catalog';
import type en from './en';

const uk: Translation<typeof en> = {};
export default uk;
