-- Joining an organization by invitation: an administrator invites by user id or e-mail,
-- sees nothing more of the person until they accept; the invitee accepts or declines;
-- administrators list and revoke; invitations expire; every step is audited.
BEGIN;
SELECT plan(31);

\ir fixtures/identity.sql

\set org_a '00000000-0000-4000-8000-00000000000a'
\set owner_a '{"sub": "00000000-0000-4000-8000-0000000000a1"}'
\set member_a '{"sub": "00000000-0000-4000-8000-0000000000a2"}'
\set outsider '{"sub": "00000000-0000-4000-8000-0000000000a4"}'
\set owner_b '{"sub": "00000000-0000-4000-8000-0000000000b1"}'
\set solo '{"sub": "00000000-0000-4000-8000-0000000000c1"}'
\set admin '{"sub": "00000000-0000-4000-8000-0000000000a0"}'

SELECT coalesce(max(id), 0) AS audit0 FROM audit.events \gset

-- Inviting by user id ------------------------------------------------------------------------
SELECT tests.authenticate_as('authenticated', :'owner_a');
SELECT (api.add_member(:'org_a', '00000000-0000-4000-8000-0000000000a4', 'member')).id AS inv_outsider \gset
SELECT results_eq(format($$SELECT org_id, invitee_user_id, invitee_email::text, role, invited_by, status
                             FROM api.invitations WHERE id = %L$$, :'inv_outsider'),
                  $$VALUES ('00000000-0000-4000-8000-00000000000a'::uuid, '00000000-0000-4000-8000-0000000000a4'::uuid,
                            NULL::text, 'member', '00000000-0000-4000-8000-0000000000a1'::uuid, 'pending')$$,
                  'add_member invites by user id: the owner sees the pending invitation');
SELECT is_empty($$SELECT FROM api.users WHERE id = '00000000-0000-4000-8000-0000000000a4'$$,
                'the owner sees nothing of the invitee''s profile (no e-mail) before acceptance');
SELECT is_empty($$SELECT FROM api.memberships WHERE user_id = '00000000-0000-4000-8000-0000000000a4'$$,
                'nor a membership');
SELECT throws_ok($$INSERT INTO identity.org_invitations (org_id, invitee_user_id, role, expires_at)
                   VALUES ('00000000-0000-4000-8000-00000000000a', '00000000-0000-4000-8000-0000000000c1',
                           'owner', now() + interval '1 day')$$,
                 '42501', NULL, 'nobody writes invitations but the definer functions');

SELECT tests.authenticate_as('authenticated', :'member_a');
SELECT is_empty(format('SELECT FROM api.invitations WHERE id = %L', :'inv_outsider'),
                'a member who does not administer the organization does not see it');
SELECT throws_ok(format('SELECT api.accept_invitation(%L)', :'inv_outsider'), '42704',
                 format('there is no invitation with id %s', :'inv_outsider'),
                 'and cannot accept it for the invitee');
SELECT throws_ok(format('SELECT api.revoke_invitation(%L)', :'inv_outsider'), '42501',
                 'permission denied: admin on org 00000000-0000-4000-8000-00000000000a',
                 'nor revoke it');
SELECT tests.authenticate_as('authenticated', :'owner_b');
SELECT is_empty(format('SELECT FROM api.invitations WHERE id = %L', :'inv_outsider'),
                'another organization''s owner does not see it');

SELECT tests.authenticate_as('authenticated', :'outsider');
SELECT is((SELECT status FROM api.invitations WHERE id = :'inv_outsider'), 'pending',
          'the invitee sees the invitation addressed to them');
SELECT is((SELECT role FROM api.accept_invitation(:'inv_outsider')), 'member',
          'and accepts it: a member with its role');
SELECT throws_ok(format('SELECT api.accept_invitation(%L)', :'inv_outsider'), 'PT409',
                 format('invitation %s is accepted', :'inv_outsider'), 'an invitation is answered once');
SELECT tests.authenticate_as('authenticated', :'owner_a');
SELECT is((SELECT email::text FROM api.users WHERE id = '00000000-0000-4000-8000-0000000000a4'),
          'fx_outsider@example.org', 'once a member, the owner sees the profile');
SELECT is((SELECT status FROM api.invitations WHERE id = :'inv_outsider'), 'accepted',
          'and the invitation as accepted');

-- Inviting by e-mail ---------------------------------------------------------------------------
SELECT (api.invite_member(:'org_a', email => 'FX_Solo@Example.org', role => 'viewer', valid_days => 3)).id AS inv_solo \gset
SELECT ok((SELECT expires_at - created_at = interval '3 days' AND invitee_user_id IS NULL
             FROM api.invitations WHERE id = :'inv_solo'),
          'an invitation by e-mail carries the address only, and expires after valid_days');
SELECT tests.authenticate_as('authenticated', :'solo');
SELECT is((SELECT invitee_email::text FROM api.invitations WHERE id = :'inv_solo'), 'FX_Solo@Example.org',
          'the user with that address (whatever the case) sees it');
SELECT is((SELECT role FROM api.accept_invitation(:'inv_solo')), 'viewer', 'and accepts it');

-- Declining, revoking ---------------------------------------------------------------------------
SELECT tests.authenticate_as('authenticated', :'owner_a');
SELECT (api.invite_member(:'org_a', '00000000-0000-4000-8000-0000000000b1')).id AS inv_b \gset
SELECT (api.invite_member(:'org_a', email => 'somebody@example.org')).id AS inv_mail \gset
SELECT tests.authenticate_as('authenticated', :'owner_b');
SELECT lives_ok(format('SELECT api.decline_invitation(%L)', :'inv_b'), 'the invitee declines');
SELECT throws_ok(format('SELECT api.accept_invitation(%L)', :'inv_b'), 'PT409',
                 format('invitation %s is declined', :'inv_b'), 'and cannot accept afterwards');
SELECT is_empty($$SELECT FROM api.memberships WHERE org_id = '00000000-0000-4000-8000-00000000000a'
                                               AND user_id = '00000000-0000-4000-8000-0000000000b1'$$,
                'declining makes no membership');
SELECT tests.authenticate_as('authenticated', :'owner_a');
SELECT lives_ok(format('SELECT api.revoke_invitation(%L)', :'inv_mail'), 'an owner revokes an invitation');
SELECT throws_ok(format('SELECT api.revoke_invitation(%L)', :'inv_mail'), 'PT409',
                 format('invitation %s is revoked', :'inv_mail'), 'once');
SELECT throws_ok($$SELECT api.revoke_invitation('00000000-0000-4000-8000-00000000dead')$$, '42704',
                 'there is no invitation with id 00000000-0000-4000-8000-00000000dead', 'an unknown invitation is 42704');

-- Expiry ---------------------------------------------------------------------------------------
SELECT (api.invite_member(:'org_a', '00000000-0000-4000-8000-0000000000a0')).id AS inv_old \gset
SELECT tests.clear_authentication();
UPDATE identity.org_invitations SET created_at = now() - interval '8 days', expires_at = now() - interval '1 day'
 WHERE id = :'inv_old';
SELECT tests.authenticate_as('authenticated', :'admin');
SELECT throws_ok(format('SELECT api.accept_invitation(%L)', :'inv_old'), 'PT409',
                 format('invitation %s has expired', :'inv_old'), 'an expired invitation cannot be accepted');
SELECT tests.authenticate_as('authenticated', :'owner_a');
SELECT is((SELECT status FROM api.invitations WHERE id = :'inv_old'), 'expired', 'and lists as expired');
SELECT is((SELECT status FROM api.invite_member(:'org_a', '00000000-0000-4000-8000-0000000000a0')), 'pending',
          'the person may be invited again');
SELECT is((SELECT status FROM identity.org_invitations WHERE id = :'inv_old'), 'expired',
          'which closes the expired one');

-- Refused arguments --------------------------------------------------------------------------------
SELECT throws_ok($$SELECT api.invite_member('00000000-0000-4000-8000-00000000000a')$$, '22023',
                 'name the person to invite by user_id or by email, not both', 'nobody named');
SELECT throws_ok($$SELECT api.invite_member('00000000-0000-4000-8000-00000000000a',
                   '00000000-0000-4000-8000-0000000000c1', 'x@example.org')$$, '22023',
                 'name the person to invite by user_id or by email, not both', 'both named');
SELECT throws_ok($$SELECT api.invite_member('00000000-0000-4000-8000-00000000000a', email => 'not an address')$$,
                 '22023', 'email is not an e-mail address', 'a malformed address');
SELECT throws_ok($$SELECT api.invite_member('00000000-0000-4000-8000-00000000000a', email => 'x@example.org',
                                             valid_days => 31)$$,
                 '22023', 'valid_days must be between 1 and 30', 'too long a validity');

-- Audit --------------------------------------------------------------------------------------------
SELECT tests.clear_authentication();
SELECT results_eq(format($$SELECT action, count(*)::integer FROM audit.events
                           WHERE id > %s AND org_id = '00000000-0000-4000-8000-00000000000a'
                             AND (action LIKE 'identity.invitation.%%' OR action = 'identity.membership.changed')
                           GROUP BY action ORDER BY action$$, :'audit0'),
                  $$VALUES ('identity.invitation.accepted', 2), ('identity.invitation.created', 6),
                           ('identity.invitation.declined', 1), ('identity.invitation.revoked', 1),
                           ('identity.membership.changed', 2)$$,
                  'each step is audited under the organization');

SELECT * FROM finish();
ROLLBACK;
