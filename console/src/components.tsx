import { useEffect } from 'preact/hooks';
import { useConsole } from './context';
import { Loaded, useLoad } from './hooks';

export interface Project { id: string; org_id: string | null; name: string;
  description: string | null; neurondb_dsn: string | null; agent_endpoint: string | null;
  created_at: string }

/** A project picker shared by the pages that work inside one project. */
export function ProjectPicker({ value, onChange }: {
  value: string | null; onChange: (id: string) => void }) {
  const { api } = useConsole();
  const load = useLoad(() => api.get<Project>('/projects', { order: 'name' }), []);
  useEffect(() => {
    if (!value && load.data && load.data.length) onChange(load.data[0].id);
  }, [load.data]);
  return (
    <Loaded load={load} empty="No project yet: create one on the Projects page first.">
      {(rows) => (
        <p>
          <label for="project-picker">Project</label>{' '}
          <select id="project-picker" value={value ?? ''}
                  onChange={(e) => onChange(e.currentTarget.value)}>
            {rows.map((p) => <option key={p.id} value={p.id}>{p.name}</option>)}
          </select>
        </p>
      )}
    </Loaded>
  );
}

/** Bars of one series over days, as SVG (no inline style: the CSP forbids it). */
export function BarChart({ title, points }: { title: string;
  points: { label: string; value: number }[] }) {
  const max = Math.max(1, ...points.map((p) => p.value));
  const w = 24;
  const h = 80;
  return (
    <figure class="chart">
      <svg role="img" aria-label={`${title}: ${points.map((p) => `${p.label} ${p.value}`).join(', ')}`}
           width={Math.max(points.length * w, w)} height={h + 2} viewBox={`0 0 ${Math.max(points.length * w, w)} ${h + 2}`}>
        {points.map((p, i) => {
          const bh = Math.round((p.value / max) * h);
          return <rect key={p.label} x={i * w + 2} y={h - bh} width={w - 4} height={bh} class="bar" />;
        })}
      </svg>
      <figcaption>{title}</figcaption>
    </figure>
  );
}
