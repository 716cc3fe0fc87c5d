//go:build tools

// Package oauth pins oauth2-proxy, which scripts/stack-build.mjs builds with the login chain's
// mockoidc command (./mockoidc) for the real-stack tier's login tests.
package oauth

import (
	_ "github.com/oauth2-proxy/oauth2-proxy/v7"
)
