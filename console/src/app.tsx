import { useEffect, useState } from 'preact/hooks';
import { type Console, type Session, describe } from './api';
import { ConsoleContext } from './context';
import { SignIn } from './pages/signin';
import { Sessions } from './pages/sessions';
import { Organizations } from './pages/organizations';
import { Projects } from './pages/projects';
import { ApiKeys } from './pages/apikeys';
import { Policies } from './pages/policies';
import { Models } from './pages/models';
import { Datasets } from './pages/datasets';
import { Observability } from './pages/observability';
import { Audit } from './pages/audit';

export const PAGES = [
  { path: 'organizations', title: 'Organizations', view: Organizations },
  { path: 'projects', title: 'Projects', view: Projects },
  { path: 'keys', title: 'API keys', view: ApiKeys },
  { path: 'policies', title: 'Policies', view: Policies },
  { path: 'models', title: 'Models', view: Models },
  { path: 'datasets', title: 'Datasets', view: Datasets },
  { path: 'observability', title: 'Observability', view: Observability },
  { path: 'audit', title: 'Audit log', view: Audit },
  { path: 'sessions', title: 'Your sessions', view: Sessions },
] as const;

function currentPath(): string {
  return window.location.hash.replace(/^#\/?/, '') || PAGES[0].path;
}

export function App({ api }: { api: Console }) {
  const [session, setSession] = useState<Session | null | undefined>(undefined);
  const [error, setError] = useState<string | null>(null);
  const [path, setPath] = useState(currentPath());

  const check = () => api.session().then((s) => { setSession(s); setError(null); },
                                        (e) => setError(describe(e)));
  useEffect(() => { void check(); }, []);
  useEffect(() => {
    const onHash = () => setPath(currentPath());
    window.addEventListener('hashchange', onHash);
    return () => window.removeEventListener('hashchange', onHash);
  }, []);

  const page = PAGES.find((p) => p.path === path) ?? PAGES[0];
  useEffect(() => {
    document.title = session ? `${page.title} · neuronplane` : 'Sign in · neuronplane';
  }, [page, session]);

  if (error) {
    return (
      <main id="main" class="center">
        <h1>neuronplane</h1>
        <div role="alert" class="error"><p>{error}</p>
          <button type="button" onClick={() => { setError(null); void check(); }}>Try again</button>
        </div>
      </main>
    );
  }
  if (session === undefined) return <main id="main" class="center"><p role="status">Loading…</p></main>;
  if (session === null) return <SignIn api={api} onSignedIn={check} />;

  const signOut = async () => {
    try {
      await api.signOut();
    } finally {
      setSession(null);
    }
  };
  const View = page.view;
  return (
    <ConsoleContext.Provider value={{ api, session }}>
      <a class="skip" href="#main" onClick={(e) => {
        e.preventDefault(); document.getElementById('main')?.focus(); }}>Skip to content</a>
      <header class="top">
        <span class="brand">neuronplane</span>
        <span class="who">Signed in as <strong>{session.username}</strong></span>
        <button type="button" onClick={signOut}>Sign out</button>
      </header>
      <div class="layout">
        <nav aria-label="Main">
          <ul>
            {PAGES.map((p) => (
              <li key={p.path}>
                <a href={`#/${p.path}`} aria-current={p.path === page.path ? 'page' : undefined}>
                  {p.title}
                </a>
              </li>
            ))}
          </ul>
        </nav>
        <main id="main" tabIndex={-1}>
          <h1>{page.title}</h1>
          <View />
        </main>
      </div>
    </ConsoleContext.Provider>
  );
}
