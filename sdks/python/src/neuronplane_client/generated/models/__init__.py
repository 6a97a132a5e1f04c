"""Contains all the data models used in inputs/outputs"""

from .agents import Agents
from .api_keys import ApiKeys
from .audit_events import AuditEvents
from .cookie_login_body import CookieLoginBody
from .cookie_login_response_200 import CookieLoginResponse200
from .cookie_refresh_response_200 import CookieRefreshResponse200
from .cookie_session_response_200 import CookieSessionResponse200
from .dataset_tables import DatasetTables
from .datasets import Datasets
from .db_health import DbHealth
from .delete_agents_prefer import DeleteAgentsPrefer
from .delete_api_keys_prefer import DeleteApiKeysPrefer
from .delete_audit_events_prefer import DeleteAuditEventsPrefer
from .delete_dataset_tables_prefer import DeleteDatasetTablesPrefer
from .delete_datasets_prefer import DeleteDatasetsPrefer
from .delete_ingest_jobs_prefer import DeleteIngestJobsPrefer
from .delete_invitations_prefer import DeleteInvitationsPrefer
from .delete_llm_models_prefer import DeleteLlmModelsPrefer
from .delete_memberships_prefer import DeleteMembershipsPrefer
from .delete_organizations_prefer import DeleteOrganizationsPrefer
from .delete_policies_prefer import DeletePoliciesPrefer
from .delete_principals_prefer import DeletePrincipalsPrefer
from .delete_projects_prefer import DeleteProjectsPrefer
from .delete_service_accounts_prefer import DeleteServiceAccountsPrefer
from .delete_tools_prefer import DeleteToolsPrefer
from .delete_users_prefer import DeleteUsersPrefer
from .error import Error
from .get_agents_prefer import GetAgentsPrefer
from .get_api_keys_prefer import GetApiKeysPrefer
from .get_audit_events_prefer import GetAuditEventsPrefer
from .get_dataset_tables_prefer import GetDatasetTablesPrefer
from .get_datasets_prefer import GetDatasetsPrefer
from .get_db_health_prefer import GetDbHealthPrefer
from .get_index_health_prefer import GetIndexHealthPrefer
from .get_ingest_jobs_prefer import GetIngestJobsPrefer
from .get_invitations_prefer import GetInvitationsPrefer
from .get_llm_models_prefer import GetLlmModelsPrefer
from .get_memberships_prefer import GetMembershipsPrefer
from .get_organizations_prefer import GetOrganizationsPrefer
from .get_policies_prefer import GetPoliciesPrefer
from .get_principals_prefer import GetPrincipalsPrefer
from .get_profiles_prefer import GetProfilesPrefer
from .get_projects_prefer import GetProjectsPrefer
from .get_service_accounts_prefer import GetServiceAccountsPrefer
from .get_tools_prefer import GetToolsPrefer
from .get_usage_prefer import GetUsagePrefer
from .get_users_prefer import GetUsersPrefer
from .get_workers_prefer import GetWorkersPrefer
from .glue_error import GlueError
from .glue_healthz_response_200 import GlueHealthzResponse200
from .glue_healthz_response_200_database import GlueHealthzResponse200Database
from .glue_healthz_response_503 import GlueHealthzResponse503
from .index_health import IndexHealth
from .ingest_jobs import IngestJobs
from .ingest_upload_body import IngestUploadBody
from .ingest_upload_format import IngestUploadFormat
from .ingest_upload_if_exists import IngestUploadIfExists
from .ingest_upload_response_201 import IngestUploadResponse201
from .invitations import Invitations
from .llm_models import LlmModels
from .memberships import Memberships
from .onboarding_test_agent_body import OnboardingTestAgentBody
from .onboarding_test_database_body import OnboardingTestDatabaseBody
from .organizations import Organizations
from .patch_agents_prefer import PatchAgentsPrefer
from .patch_api_keys_prefer import PatchApiKeysPrefer
from .patch_audit_events_prefer import PatchAuditEventsPrefer
from .patch_dataset_tables_prefer import PatchDatasetTablesPrefer
from .patch_datasets_prefer import PatchDatasetsPrefer
from .patch_ingest_jobs_prefer import PatchIngestJobsPrefer
from .patch_invitations_prefer import PatchInvitationsPrefer
from .patch_llm_models_prefer import PatchLlmModelsPrefer
from .patch_memberships_prefer import PatchMembershipsPrefer
from .patch_organizations_prefer import PatchOrganizationsPrefer
from .patch_policies_prefer import PatchPoliciesPrefer
from .patch_principals_prefer import PatchPrincipalsPrefer
from .patch_projects_prefer import PatchProjectsPrefer
from .patch_service_accounts_prefer import PatchServiceAccountsPrefer
from .patch_tools_prefer import PatchToolsPrefer
from .patch_users_prefer import PatchUsersPrefer
from .policies import Policies
from .post_agents_prefer import PostAgentsPrefer
from .post_api_keys_prefer import PostApiKeysPrefer
from .post_audit_events_prefer import PostAuditEventsPrefer
from .post_dataset_tables_prefer import PostDatasetTablesPrefer
from .post_datasets_prefer import PostDatasetsPrefer
from .post_ingest_jobs_prefer import PostIngestJobsPrefer
from .post_invitations_prefer import PostInvitationsPrefer
from .post_llm_models_prefer import PostLlmModelsPrefer
from .post_memberships_prefer import PostMembershipsPrefer
from .post_organizations_prefer import PostOrganizationsPrefer
from .post_policies_prefer import PostPoliciesPrefer
from .post_principals_prefer import PostPrincipalsPrefer
from .post_projects_prefer import PostProjectsPrefer
from .post_rpc_accept_invitation_body import PostRpcAcceptInvitationBody
from .post_rpc_accept_invitation_prefer import PostRpcAcceptInvitationPrefer
from .post_rpc_add_llm_model_body import PostRpcAddLlmModelBody
from .post_rpc_add_llm_model_prefer import PostRpcAddLlmModelPrefer
from .post_rpc_add_member_body import PostRpcAddMemberBody
from .post_rpc_add_member_prefer import PostRpcAddMemberPrefer
from .post_rpc_authorize_onboarding_probe_body import (
    PostRpcAuthorizeOnboardingProbeBody,
)
from .post_rpc_authorize_onboarding_probe_prefer import (
    PostRpcAuthorizeOnboardingProbePrefer,
)
from .post_rpc_cancel_ingest_body import PostRpcCancelIngestBody
from .post_rpc_cancel_ingest_prefer import PostRpcCancelIngestPrefer
from .post_rpc_change_member_role_body import PostRpcChangeMemberRoleBody
from .post_rpc_change_member_role_prefer import PostRpcChangeMemberRolePrefer
from .post_rpc_change_password_body import PostRpcChangePasswordBody
from .post_rpc_change_password_prefer import PostRpcChangePasswordPrefer
from .post_rpc_count_ingest_workers_body import PostRpcCountIngestWorkersBody
from .post_rpc_count_ingest_workers_prefer import PostRpcCountIngestWorkersPrefer
from .post_rpc_create_api_key_body import PostRpcCreateApiKeyBody
from .post_rpc_create_api_key_prefer import PostRpcCreateApiKeyPrefer
from .post_rpc_create_organization_body import PostRpcCreateOrganizationBody
from .post_rpc_create_organization_prefer import PostRpcCreateOrganizationPrefer
from .post_rpc_create_profile_body import PostRpcCreateProfileBody
from .post_rpc_create_profile_prefer import PostRpcCreateProfilePrefer
from .post_rpc_create_project_body import PostRpcCreateProjectBody
from .post_rpc_create_project_prefer import PostRpcCreateProjectPrefer
from .post_rpc_create_service_account_body import PostRpcCreateServiceAccountBody
from .post_rpc_create_service_account_prefer import PostRpcCreateServiceAccountPrefer
from .post_rpc_create_user_body import PostRpcCreateUserBody
from .post_rpc_create_user_prefer import PostRpcCreateUserPrefer
from .post_rpc_decline_invitation_body import PostRpcDeclineInvitationBody
from .post_rpc_decline_invitation_prefer import PostRpcDeclineInvitationPrefer
from .post_rpc_details_body import PostRpcDetailsBody
from .post_rpc_details_prefer import PostRpcDetailsPrefer
from .post_rpc_disable_principal_body import PostRpcDisablePrincipalBody
from .post_rpc_disable_principal_prefer import PostRpcDisablePrincipalPrefer
from .post_rpc_explain_permission_body import PostRpcExplainPermissionBody
from .post_rpc_explain_permission_prefer import PostRpcExplainPermissionPrefer
from .post_rpc_get_or_create_user_principal_body import (
    PostRpcGetOrCreateUserPrincipalBody,
)
from .post_rpc_get_or_create_user_principal_prefer import (
    PostRpcGetOrCreateUserPrincipalPrefer,
)
from .post_rpc_grant_permission_body import PostRpcGrantPermissionBody
from .post_rpc_grant_permission_prefer import PostRpcGrantPermissionPrefer
from .post_rpc_has_permission_body import PostRpcHasPermissionBody
from .post_rpc_has_permission_prefer import PostRpcHasPermissionPrefer
from .post_rpc_health_body import PostRpcHealthBody
from .post_rpc_health_prefer import PostRpcHealthPrefer
from .post_rpc_invite_member_body import PostRpcInviteMemberBody
from .post_rpc_invite_member_prefer import PostRpcInviteMemberPrefer
from .post_rpc_jwks_body import PostRpcJwksBody
from .post_rpc_jwks_prefer import PostRpcJwksPrefer
from .post_rpc_login_body import PostRpcLoginBody
from .post_rpc_login_prefer import PostRpcLoginPrefer
from .post_rpc_logout_all_body import PostRpcLogoutAllBody
from .post_rpc_logout_all_prefer import PostRpcLogoutAllPrefer
from .post_rpc_logout_body import PostRpcLogoutBody
from .post_rpc_logout_prefer import PostRpcLogoutPrefer
from .post_rpc_project_dsn_body import PostRpcProjectDsnBody
from .post_rpc_project_dsn_prefer import PostRpcProjectDsnPrefer
from .post_rpc_project_mcp_config_body import PostRpcProjectMcpConfigBody
from .post_rpc_project_mcp_config_prefer import PostRpcProjectMcpConfigPrefer
from .post_rpc_record_usage_body import PostRpcRecordUsageBody
from .post_rpc_record_usage_prefer import PostRpcRecordUsagePrefer
from .post_rpc_refresh_body import PostRpcRefreshBody
from .post_rpc_refresh_prefer import PostRpcRefreshPrefer
from .post_rpc_remove_member_body import PostRpcRemoveMemberBody
from .post_rpc_remove_member_prefer import PostRpcRemoveMemberPrefer
from .post_rpc_reset_password_body import PostRpcResetPasswordBody
from .post_rpc_reset_password_prefer import PostRpcResetPasswordPrefer
from .post_rpc_resolve_principal_body import PostRpcResolvePrincipalBody
from .post_rpc_resolve_principal_prefer import PostRpcResolvePrincipalPrefer
from .post_rpc_revoke_api_key_body import PostRpcRevokeApiKeyBody
from .post_rpc_revoke_api_key_prefer import PostRpcRevokeApiKeyPrefer
from .post_rpc_revoke_invitation_body import PostRpcRevokeInvitationBody
from .post_rpc_revoke_invitation_prefer import PostRpcRevokeInvitationPrefer
from .post_rpc_revoke_permission_body import PostRpcRevokePermissionBody
from .post_rpc_revoke_permission_prefer import PostRpcRevokePermissionPrefer
from .post_rpc_revoke_session_body import PostRpcRevokeSessionBody
from .post_rpc_revoke_session_prefer import PostRpcRevokeSessionPrefer
from .post_rpc_rotate_api_key_body import PostRpcRotateApiKeyBody
from .post_rpc_rotate_api_key_prefer import PostRpcRotateApiKeyPrefer
from .post_rpc_sessions_body import PostRpcSessionsBody
from .post_rpc_sessions_prefer import PostRpcSessionsPrefer
from .post_rpc_set_llm_model_key_body import PostRpcSetLlmModelKeyBody
from .post_rpc_set_llm_model_key_prefer import PostRpcSetLlmModelKeyPrefer
from .post_rpc_set_profile_agent_key_body import PostRpcSetProfileAgentKeyBody
from .post_rpc_set_profile_agent_key_prefer import PostRpcSetProfileAgentKeyPrefer
from .post_rpc_sign_in_providers_body import PostRpcSignInProvidersBody
from .post_rpc_sign_in_providers_prefer import PostRpcSignInProvidersPrefer
from .post_rpc_start_ingest_body import PostRpcStartIngestBody
from .post_rpc_start_ingest_prefer import PostRpcStartIngestPrefer
from .post_rpc_verify_audit_body import PostRpcVerifyAuditBody
from .post_rpc_verify_audit_prefer import PostRpcVerifyAuditPrefer
from .post_service_accounts_prefer import PostServiceAccountsPrefer
from .post_tools_prefer import PostToolsPrefer
from .post_users_prefer import PostUsersPrefer
from .principals import Principals
from .probe_result import ProbeResult
from .profile_health_response_200 import ProfileHealthResponse200
from .profile_health_view import ProfileHealthView
from .profiles import Profiles
from .projects import Projects
from .service_accounts import ServiceAccounts
from .tools import Tools
from .usage import Usage
from .users import Users
from .workers import Workers

__all__ = (
    "Agents",
    "ApiKeys",
    "AuditEvents",
    "CookieLoginBody",
    "CookieLoginResponse200",
    "CookieRefreshResponse200",
    "CookieSessionResponse200",
    "Datasets",
    "DatasetTables",
    "DbHealth",
    "DeleteAgentsPrefer",
    "DeleteApiKeysPrefer",
    "DeleteAuditEventsPrefer",
    "DeleteDatasetsPrefer",
    "DeleteDatasetTablesPrefer",
    "DeleteIngestJobsPrefer",
    "DeleteInvitationsPrefer",
    "DeleteLlmModelsPrefer",
    "DeleteMembershipsPrefer",
    "DeleteOrganizationsPrefer",
    "DeletePoliciesPrefer",
    "DeletePrincipalsPrefer",
    "DeleteProjectsPrefer",
    "DeleteServiceAccountsPrefer",
    "DeleteToolsPrefer",
    "DeleteUsersPrefer",
    "Error",
    "GetAgentsPrefer",
    "GetApiKeysPrefer",
    "GetAuditEventsPrefer",
    "GetDatasetsPrefer",
    "GetDatasetTablesPrefer",
    "GetDbHealthPrefer",
    "GetIndexHealthPrefer",
    "GetIngestJobsPrefer",
    "GetInvitationsPrefer",
    "GetLlmModelsPrefer",
    "GetMembershipsPrefer",
    "GetOrganizationsPrefer",
    "GetPoliciesPrefer",
    "GetPrincipalsPrefer",
    "GetProfilesPrefer",
    "GetProjectsPrefer",
    "GetServiceAccountsPrefer",
    "GetToolsPrefer",
    "GetUsagePrefer",
    "GetUsersPrefer",
    "GetWorkersPrefer",
    "GlueError",
    "GlueHealthzResponse200",
    "GlueHealthzResponse200Database",
    "GlueHealthzResponse503",
    "IndexHealth",
    "IngestJobs",
    "IngestUploadBody",
    "IngestUploadFormat",
    "IngestUploadIfExists",
    "IngestUploadResponse201",
    "Invitations",
    "LlmModels",
    "Memberships",
    "OnboardingTestAgentBody",
    "OnboardingTestDatabaseBody",
    "Organizations",
    "PatchAgentsPrefer",
    "PatchApiKeysPrefer",
    "PatchAuditEventsPrefer",
    "PatchDatasetsPrefer",
    "PatchDatasetTablesPrefer",
    "PatchIngestJobsPrefer",
    "PatchInvitationsPrefer",
    "PatchLlmModelsPrefer",
    "PatchMembershipsPrefer",
    "PatchOrganizationsPrefer",
    "PatchPoliciesPrefer",
    "PatchPrincipalsPrefer",
    "PatchProjectsPrefer",
    "PatchServiceAccountsPrefer",
    "PatchToolsPrefer",
    "PatchUsersPrefer",
    "Policies",
    "PostAgentsPrefer",
    "PostApiKeysPrefer",
    "PostAuditEventsPrefer",
    "PostDatasetsPrefer",
    "PostDatasetTablesPrefer",
    "PostIngestJobsPrefer",
    "PostInvitationsPrefer",
    "PostLlmModelsPrefer",
    "PostMembershipsPrefer",
    "PostOrganizationsPrefer",
    "PostPoliciesPrefer",
    "PostPrincipalsPrefer",
    "PostProjectsPrefer",
    "PostRpcAcceptInvitationBody",
    "PostRpcAcceptInvitationPrefer",
    "PostRpcAddLlmModelBody",
    "PostRpcAddLlmModelPrefer",
    "PostRpcAddMemberBody",
    "PostRpcAddMemberPrefer",
    "PostRpcAuthorizeOnboardingProbeBody",
    "PostRpcAuthorizeOnboardingProbePrefer",
    "PostRpcCancelIngestBody",
    "PostRpcCancelIngestPrefer",
    "PostRpcChangeMemberRoleBody",
    "PostRpcChangeMemberRolePrefer",
    "PostRpcChangePasswordBody",
    "PostRpcChangePasswordPrefer",
    "PostRpcCountIngestWorkersBody",
    "PostRpcCountIngestWorkersPrefer",
    "PostRpcCreateApiKeyBody",
    "PostRpcCreateApiKeyPrefer",
    "PostRpcCreateOrganizationBody",
    "PostRpcCreateOrganizationPrefer",
    "PostRpcCreateProfileBody",
    "PostRpcCreateProfilePrefer",
    "PostRpcCreateProjectBody",
    "PostRpcCreateProjectPrefer",
    "PostRpcCreateServiceAccountBody",
    "PostRpcCreateServiceAccountPrefer",
    "PostRpcCreateUserBody",
    "PostRpcCreateUserPrefer",
    "PostRpcDeclineInvitationBody",
    "PostRpcDeclineInvitationPrefer",
    "PostRpcDetailsBody",
    "PostRpcDetailsPrefer",
    "PostRpcDisablePrincipalBody",
    "PostRpcDisablePrincipalPrefer",
    "PostRpcExplainPermissionBody",
    "PostRpcExplainPermissionPrefer",
    "PostRpcGetOrCreateUserPrincipalBody",
    "PostRpcGetOrCreateUserPrincipalPrefer",
    "PostRpcGrantPermissionBody",
    "PostRpcGrantPermissionPrefer",
    "PostRpcHasPermissionBody",
    "PostRpcHasPermissionPrefer",
    "PostRpcHealthBody",
    "PostRpcHealthPrefer",
    "PostRpcInviteMemberBody",
    "PostRpcInviteMemberPrefer",
    "PostRpcJwksBody",
    "PostRpcJwksPrefer",
    "PostRpcLoginBody",
    "PostRpcLoginPrefer",
    "PostRpcLogoutAllBody",
    "PostRpcLogoutAllPrefer",
    "PostRpcLogoutBody",
    "PostRpcLogoutPrefer",
    "PostRpcProjectDsnBody",
    "PostRpcProjectDsnPrefer",
    "PostRpcProjectMcpConfigBody",
    "PostRpcProjectMcpConfigPrefer",
    "PostRpcRecordUsageBody",
    "PostRpcRecordUsagePrefer",
    "PostRpcRefreshBody",
    "PostRpcRefreshPrefer",
    "PostRpcRemoveMemberBody",
    "PostRpcRemoveMemberPrefer",
    "PostRpcResetPasswordBody",
    "PostRpcResetPasswordPrefer",
    "PostRpcResolvePrincipalBody",
    "PostRpcResolvePrincipalPrefer",
    "PostRpcRevokeApiKeyBody",
    "PostRpcRevokeApiKeyPrefer",
    "PostRpcRevokeInvitationBody",
    "PostRpcRevokeInvitationPrefer",
    "PostRpcRevokePermissionBody",
    "PostRpcRevokePermissionPrefer",
    "PostRpcRevokeSessionBody",
    "PostRpcRevokeSessionPrefer",
    "PostRpcRotateApiKeyBody",
    "PostRpcRotateApiKeyPrefer",
    "PostRpcSessionsBody",
    "PostRpcSessionsPrefer",
    "PostRpcSetLlmModelKeyBody",
    "PostRpcSetLlmModelKeyPrefer",
    "PostRpcSetProfileAgentKeyBody",
    "PostRpcSetProfileAgentKeyPrefer",
    "PostRpcSignInProvidersBody",
    "PostRpcSignInProvidersPrefer",
    "PostRpcStartIngestBody",
    "PostRpcStartIngestPrefer",
    "PostRpcVerifyAuditBody",
    "PostRpcVerifyAuditPrefer",
    "PostServiceAccountsPrefer",
    "PostToolsPrefer",
    "PostUsersPrefer",
    "Principals",
    "ProbeResult",
    "ProfileHealthResponse200",
    "ProfileHealthView",
    "Profiles",
    "Projects",
    "ServiceAccounts",
    "Tools",
    "Usage",
    "Users",
    "Workers",
)
