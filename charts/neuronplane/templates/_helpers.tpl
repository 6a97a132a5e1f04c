{{- define "np.fullname" -}}
{{- if contains .Chart.Name .Release.Name -}}
{{- .Release.Name | trunc 50 | trimSuffix "-" -}}
{{- else -}}
{{- printf "%s-%s" .Release.Name .Chart.Name | trunc 50 | trimSuffix "-" -}}
{{- end -}}
{{- end -}}

{{- define "np.labels" -}}
app.kubernetes.io/name: {{ .Chart.Name }}
app.kubernetes.io/instance: {{ .Release.Name }}
app.kubernetes.io/version: {{ .Chart.AppVersion | quote }}
app.kubernetes.io/managed-by: {{ .Release.Service }}
helm.sh/chart: {{ printf "%s-%s" .Chart.Name .Chart.Version }}
{{- end -}}

{{/* Selector labels of one component: (dict "ctx" $ "component" "api") */}}
{{- define "np.selector" -}}
app.kubernetes.io/name: {{ .ctx.Chart.Name }}
app.kubernetes.io/instance: {{ .ctx.Release.Name }}
app.kubernetes.io/component: {{ .component }}
{{- end -}}

{{- define "np.image" -}}
{{- printf "%s/neuronplane-%s:%s" .ctx.Values.image.registry .name (default .ctx.Chart.AppVersion .ctx.Values.image.tag) -}}
{{- end -}}

{{- define "np.dbHost" -}}
{{- if eq .Values.database.mode "cnpg" -}}
{{- printf "%s-db-rw" (include "np.fullname" .) -}}
{{- else -}}
{{- required "database.external.host is required when database.mode is external" .Values.database.external.host -}}
{{- end -}}
{{- end -}}

{{- define "np.dbPort" -}}
{{- if eq .Values.database.mode "cnpg" -}}5432{{- else -}}{{ .Values.database.external.port }}{{- end -}}
{{- end -}}

{{/* The superuser password Secret and key, for the migrate job. */}}
{{- define "np.superuserSecret" -}}
{{- if eq .Values.database.mode "cnpg" -}}
name: {{ .Values.database.cnpg.superuserSecret }}
key: password
{{- else -}}
name: {{ required "database.external.superuserSecret is required when database.mode is external" .Values.database.external.superuserSecret }}
key: password
{{- end -}}
{{- end -}}

{{- define "np.podSecurityContext" -}}
runAsNonRoot: true
runAsUser: {{ .uid }}
runAsGroup: {{ .uid }}
fsGroup: {{ .uid }}
seccompProfile:
  type: RuntimeDefault
{{- end -}}

{{- define "np.containerSecurityContext" -}}
allowPrivilegeEscalation: false
readOnlyRootFilesystem: true
privileged: false
capabilities:
  drop: ["ALL"]
{{- end -}}

{{- define "np.pullSecrets" -}}
{{- with .Values.image.pullSecrets }}
imagePullSecrets:
{{- range . }}
  - name: {{ . }}
{{- end }}
{{- end }}
{{- end -}}

{{/* A PodDisruptionBudget: (dict "ctx" $ "component" "api" "replicas" 2) */}}
{{- define "np.pdb" -}}
{{- if .ctx.Values.podDisruptionBudget.enabled }}
apiVersion: policy/v1
kind: PodDisruptionBudget
metadata:
  name: {{ include "np.fullname" .ctx }}-{{ .component }}
  labels:
    {{- include "np.labels" .ctx | nindent 4 }}
spec:
  {{- if gt (int .replicas) 1 }}
  minAvailable: 1
  {{- else }}
  maxUnavailable: 1
  {{- end }}
  selector:
    matchLabels:
      {{- include "np.selector" (dict "ctx" .ctx "component" .component) | nindent 6 }}
{{- end }}
{{- end -}}
