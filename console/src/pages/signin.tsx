import { useState } from 'preact/hooks';
import type { Console } from '../api';
import { Feedback, Loaded, useAction, useLoad } from '../hooks';

export function SignIn({ api, onSignedIn }: { api: Console; onSignedIn: () => void }) {
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const action = useAction();
  const providers = useLoad(() => api.providers(), []);

  const submit = (e: Event) => {
    e.preventDefault();
    void action.run(async () => {
      await api.signIn(username, password);
      onSignedIn();
    });
  };
  return (
    <main id="main" class="center">
      <h1>Sign in to neuronplane</h1>
      <form onSubmit={submit} aria-label="Sign in with a password">
        <label for="username">Username or e-mail</label>
        <input id="username" name="username" autoComplete="username" required
               value={username} onInput={(e) => setUsername(e.currentTarget.value)} />
        <label for="password">Password</label>
        <input id="password" name="password" type="password" autoComplete="current-password"
               required value={password} onInput={(e) => setPassword(e.currentTarget.value)} />
        <button type="submit" disabled={action.busy}>
          {action.busy ? 'Signing in…' : 'Sign in'}
        </button>
        <Feedback error={action.error} />
      </form>
      <section aria-labelledby="sso">
        <h2 id="sso">Single sign-on</h2>
        <Loaded load={providers} empty="No single sign-on provider is configured.">
          {(names) => (
            <ul class="plain">
              {names.map((n) => <li key={n}><a class="button" href={api.oidcUrl(n)}>Sign in with {n}</a></li>)}
            </ul>
          )}
        </Loaded>
      </section>
    </main>
  );
}
