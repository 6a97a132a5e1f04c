import { useState } from 'preact/hooks';
import { ProjectPicker } from '../components';
import { useConsole } from '../context';
import { Feedback, Loaded, useAction, useLoad, when } from '../hooks';

interface Model { id: string; provider: string; model_name: string; display_name: string | null;
  has_key: boolean; key_last4: string | null; key_updated_at: string | null }

const PROVIDERS = [['openai', 'OpenAI'], ['anthropic', 'Anthropic'],
                   ['huggingface', 'Hugging Face'], ['local', 'Local']];

export function Models() {
  const [project, setProject] = useState<string | null>(null);
  return (
    <>
      <ProjectPicker value={project} onChange={setProject} />
      {project && <ModelList projectId={project} />}
    </>
  );
}

function ModelList({ projectId }: { projectId: string }) {
  const { api } = useConsole();
  const models = useLoad(() => api.get<Model>('/llm_models',
    { project_id: `eq.${projectId}`, order: 'model_name' }), [projectId]);
  const [provider, setProvider] = useState('openai');
  const [modelName, setModelName] = useState('');
  const [key, setKey] = useState('');
  const action = useAction();
  const add = (e: Event) => {
    e.preventDefault();
    void action.run(async () => {
      await api.rpc('add_llm_model', { project_id: projectId, provider, model_name: modelName,
                                       key: key || null });
      setModelName('');
      setKey('');
      models.reload();
      return `Model ${modelName} added.`;
    });
  };
  return (
    <>
      <section aria-labelledby="model-list">
        <h2 id="model-list">Models of this project</h2>
        <Feedback error={action.error} done={action.done} />
        <Loaded load={models} empty="No model yet: add one below.">
          {(rows) => (
            <table>
              <caption>Models and their keys</caption>
              <thead><tr><th scope="col">Model</th><th scope="col">Provider</th>
                <th scope="col">Key</th><th scope="col">Set or replace the key</th></tr></thead>
              <tbody>
                {rows.map((m) => <ModelRow key={m.id} model={m} onSaved={models.reload} />)}
              </tbody>
            </table>
          )}
        </Loaded>
      </section>
      <form onSubmit={add} aria-labelledby="model-new">
        <h2 id="model-new">Add a model</h2>
        <label for="m-provider">Provider</label>
        <select id="m-provider" value={provider} onChange={(e) => setProvider(e.currentTarget.value)}>
          {PROVIDERS.map(([v, l]) => <option key={v} value={v}>{l}</option>)}
        </select>
        <label for="m-name">Model name</label>
        <input id="m-name" required value={modelName} onInput={(e) => setModelName(e.currentTarget.value)} />
        <label for="m-key">API key (optional; stored encrypted, never shown again)</label>
        <input id="m-key" type="password" autoComplete="off" value={key}
               onInput={(e) => setKey(e.currentTarget.value)} />
        <button type="submit" disabled={action.busy}>Add model</button>
      </form>
    </>
  );
}

function ModelRow({ model, onSaved }: { model: Model; onSaved: () => void }) {
  const { api } = useConsole();
  const [key, setKey] = useState('');
  const action = useAction();
  const save = (e: Event) => {
    e.preventDefault();
    void action.run(async () => {
      await api.rpc('set_llm_model_key', { model_id: model.id, key });
      setKey('');
      onSaved();
      return 'Key saved.';
    });
  };
  return (
    <tr>
      <td>{model.display_name ?? model.model_name}</td><td>{model.provider}</td>
      <td>{model.has_key ? `…${model.key_last4} (set ${when(model.key_updated_at)})` : 'none'}</td>
      <td>
        <form onSubmit={save} class="inline" aria-label={`Key of ${model.model_name}`}>
          <label for={`k-${model.id}`} class="sr-only">New key for {model.model_name}</label>
          <input id={`k-${model.id}`} type="password" autoComplete="off" required value={key}
                 onInput={(e) => setKey(e.currentTarget.value)} />
          <button type="submit" disabled={action.busy}>{model.has_key ? 'Replace key' : 'Set key'}</button>
          <Feedback error={action.error} done={action.done} />
        </form>
      </td>
    </tr>
  );
}
