"""neuronplane-client: the Python SDK of the neuronplane API.

The generated code (`neuronplane_client.generated`: one module per operation, typed models)
comes from api/openapi.json; this package adds the session handling: API keys, password and
OIDC logins, token refresh with rotation, CSRF for cookie sessions, pagination and errors
as exceptions (see README.md).
"""

from ._auth import Tokens
from .client import AsyncClient, Client, Page
from .errors import (
    ApiError,
    AuthenticationError,
    BadRequest,
    Conflict,
    NotFound,
    PermissionDenied,
    RateLimited,
    ServerError,
)

__all__ = ["ApiError", "AsyncClient", "AuthenticationError", "BadRequest", "Client", "Conflict",
           "NotFound", "Page", "PermissionDenied", "RateLimited", "ServerError", "Tokens"]
