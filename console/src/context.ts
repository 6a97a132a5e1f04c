import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import type { Console, Session } from './api';

export const ConsoleContext = createContext<{ api: Console; session: Session } | null>(null);

export function useConsole(): { api: Console; session: Session } {
  const value = useContext(ConsoleContext);
  if (!value) throw new Error('useConsole outside the signed-in console');
  return value;
}
