-- Headless Neovim LSP check: starts a language server with Neovim's own LSP
-- client, opens a draft, and checks diagnostics / hover / completion.
-- Written for Neovim 0.7.2 (Debian bookworm): vim.lsp.start_client,
-- vim.lsp.buf_attach_client, vim.wait, vim.lsp.buf_request_sync.
-- (0.7 has no vim.lsp.start and no `nvim -l`.) Run it via scripts/nvim/run.sh.
--
-- Environment:
--   VERBATIM_SERVER                    shell command of the stdio server (required),
--                                      e.g. "node /abs/bin/verbatim-language-server.js --stdio"
--   VERBATIM_DRAFT                     file to open (required)
--   VERBATIM_FILETYPE                  filetype / LSP languageId (default: detected, else markdown)
--   VERBATIM_ROOT                      workspace root (default: the draft's directory)
--   VERBATIM_TIMEOUT_MS                timeout of each wait (default 15000)
--   VERBATIM_EXPECT_DIAG_CODE          a diagnostic with this code must appear
--   VERBATIM_EXPECT_DIAG_LINE          ... on this 1-based line (optional)
--   VERBATIM_EXPECT_DIAG_MESSAGE_SUBSTR ... whose message contains this (optional)
--   VERBATIM_HOVER_LINE/_COL           1-based line and byte column for hover
--   VERBATIM_EXPECT_HOVER_SUBSTR       the hover text must contain this
--   VERBATIM_COMPLETION_LINE/_COL      1-based line and byte column for completion
--   VERBATIM_EXPECT_COMPLETION_SUBSTR  a completion label/insert text must contain this
--
-- Exit codes (via :cquit): 0 all expectations met, 2 bad configuration,
-- 3 server failed to start or died, 4 diagnostics, 5 hover, 6 completion.

local EXIT = { config = 2, server = 3, diagnostics = 4, hover = 5, completion = 6 }

local function say(msg)
  io.stdout:write('[nvim-check] ' .. msg .. '\n')
  io.stdout:flush()
end

-- The server's stderr goes to this file (inside the repo's .e2e/ when run
-- via run.sh, which points XDG_CACHE_HOME there); its tail is shown on failure.
local stderr_path = vim.fn.stdpath('cache') .. '/verbatim-server-stderr.log'
vim.fn.mkdir(vim.fn.fnamemodify(stderr_path, ':h'), 'p')
vim.fn.writefile({}, stderr_path)

local function stderr_tail()
  local ok, lines = pcall(vim.fn.readfile, stderr_path, '', -10)
  if not ok or #lines == 0 then
    return ''
  end
  return '\n[nvim-check] server stderr (last lines of ' .. stderr_path .. '):\n  ' .. table.concat(lines, '\n  ')
end

-- Fail with a clear message and a non-zero exit status.
local function fail(code, msg)
  io.stderr:write('[nvim-check] FAIL: ' .. msg .. stderr_tail() .. '\n')
  io.stderr:flush()
  vim.cmd('cquit ' .. code)
end

local function env(name, default)
  local v = os.getenv(name)
  if v == nil or v == '' then
    return default
  end
  return v
end

local function env_int(name, default)
  local v = env(name)
  if v == nil then
    return default
  end
  local n = tonumber(v)
  if n == nil or n < 0 or n ~= math.floor(n) then
    fail(EXIT.config, name .. ' must be a non-negative integer, got "' .. v .. '"')
  end
  return n
end

local server = env('VERBATIM_SERVER')
local draft = env('VERBATIM_DRAFT')
local timeout = env_int('VERBATIM_TIMEOUT_MS', 15000)
if not server then
  fail(EXIT.config, 'VERBATIM_SERVER is not set (e.g. "node /abs/server.js --stdio")')
end
if not draft then
  fail(EXIT.config, 'VERBATIM_DRAFT is not set')
end
draft = vim.fn.fnamemodify(draft, ':p')
if vim.fn.filereadable(draft) ~= 1 then
  fail(EXIT.config, 'VERBATIM_DRAFT is not a readable file: ' .. draft)
end
local root = vim.fn.fnamemodify(env('VERBATIM_ROOT', vim.fn.fnamemodify(draft, ':h')), ':p'):gsub('/$', '')

-- Open the draft.
vim.cmd('edit ' .. vim.fn.fnameescape(draft))
local bufnr = vim.api.nvim_get_current_buf()
local ft = env('VERBATIM_FILETYPE')
if ft then
  vim.bo[bufnr].filetype = ft
elseif vim.bo[bufnr].filetype == '' then
  vim.bo[bufnr].filetype = 'markdown'
end
say('draft ' .. draft .. ' (filetype ' .. vim.bo[bufnr].filetype .. ')')

-- Start the server. `sh -c 'exec …'` lets VERBATIM_SERVER carry quoted
-- arguments; a command that cannot run shows up as an early exit.
local state = { initialized = false, exited = nil, stderr = {} }
local client_id = vim.lsp.start_client({
  name = 'verbatim-check',
  cmd = { 'sh', '-c', 'exec ' .. server .. ' 2>>' .. vim.fn.shellescape(stderr_path) },
  root_dir = root,
  workspace_folders = { { uri = vim.uri_from_fname(root), name = vim.fn.fnamemodify(root, ':t') } },
  on_init = function()
    state.initialized = true
  end,
  on_exit = function(code, signal)
    state.exited = { code = code, signal = signal }
  end,
  handlers = {
    -- Servers may ask the client to show messages; print them, never block.
    ['window/showMessage'] = function(_, result)
      if result and result.message then
        say('server says: ' .. result.message)
      end
    end,
  },
})
if not client_id then
  fail(EXIT.server, 'vim.lsp.start_client refused to start: ' .. server)
end

local function server_status()
  if state.exited then
    return string.format('the server exited (code %s, signal %s); command: %s', tostring(state.exited.code),
      tostring(state.exited.signal), server)
  end
  return nil
end

local started_ok = vim.wait(timeout, function()
  return state.initialized or state.exited ~= nil
end, 20)
if state.exited then
  fail(EXIT.server, 'before initializing, ' .. server_status())
end
if not started_ok then
  fail(EXIT.server, 'timed out after ' .. timeout .. ' ms waiting for the server to initialize: ' .. server)
end
if not vim.lsp.buf_attach_client(bufnr, client_id) then
  fail(EXIT.server, 'could not attach the client to the draft buffer')
end
say('server initialized and attached')

local function client()
  return vim.lsp.get_client_by_id(client_id)
end

-- Params for a 1-based line and 1-based byte column, converted by Neovim
-- to the client's offset encoding (UTF-16 by default).
local function position_params(line, col, what)
  local line_count = vim.api.nvim_buf_line_count(bufnr)
  if line < 1 or line > line_count then
    fail(EXIT.config, string.format('%s line %d is outside the draft (1..%d)', what, line, line_count))
  end
  vim.api.nvim_win_set_cursor(0, { line, math.max(col - 1, 0) })
  return vim.lsp.util.make_position_params(0, client().offset_encoding)
end

-- buf_request_sync with our timeout; returns the single server's result.
local function request(method, params, exit_code, what)
  local responses, err = vim.lsp.buf_request_sync(bufnr, method, params, timeout)
  if state.exited then
    fail(EXIT.server, 'during ' .. what .. ', ' .. server_status())
  end
  if not responses then
    fail(exit_code, string.format('%s: no answer within %d ms (%s)', what, timeout, tostring(err)))
  end
  local response = responses[client_id]
  if not response then
    fail(exit_code, what .. ': the server did not answer')
  end
  if response.err or response.error then
    fail(exit_code, what .. ': the server returned an error: ' .. vim.inspect(response.err or response.error))
  end
  return response.result
end

local checked = 0

-- 1. Diagnostics -------------------------------------------------------
local want_code = env('VERBATIM_EXPECT_DIAG_CODE')
if want_code then
  local want_line = env_int('VERBATIM_EXPECT_DIAG_LINE')
  local want_msg = env('VERBATIM_EXPECT_DIAG_MESSAGE_SUBSTR')
  local function diag_code(d)
    if d.code ~= nil then
      return tostring(d.code)
    end
    local lsp = d.user_data and d.user_data.lsp
    return lsp and lsp.code ~= nil and tostring(lsp.code) or nil
  end
  local function matches(d)
    return diag_code(d) == want_code
      and (want_line == nil or d.lnum + 1 == want_line)
      and (want_msg == nil or (d.message or ''):find(want_msg, 1, true) ~= nil)
  end
  local found = vim.wait(timeout, function()
    for _, d in ipairs(vim.diagnostic.get(bufnr)) do
      if matches(d) then
        return true
      end
    end
    return state.exited ~= nil
  end, 20)
  if state.exited then
    fail(EXIT.server, 'while waiting for diagnostics, ' .. server_status())
  end
  local want = 'code "' .. want_code .. '"' .. (want_line and (' on line ' .. want_line) or '')
    .. (want_msg and (' with message containing "' .. want_msg .. '"') or '')
  if not found then
    local seen = {}
    for _, d in ipairs(vim.diagnostic.get(bufnr)) do
      table.insert(seen, string.format('line %d code %s: %s', d.lnum + 1, tostring(diag_code(d)), d.message))
    end
    fail(EXIT.diagnostics, string.format('no diagnostic with %s within %d ms; got %d: %s', want, timeout, #seen,
      #seen > 0 and table.concat(seen, ' | ') or '(none)'))
  end
  say('ok: diagnostic with ' .. want)
  checked = checked + 1
end

-- 2. Hover ---------------------------------------------------------------
local hover_substr = env('VERBATIM_EXPECT_HOVER_SUBSTR')
if hover_substr then
  local line = env_int('VERBATIM_HOVER_LINE')
  local col = env_int('VERBATIM_HOVER_COL')
  if not line or not col then
    fail(EXIT.config, 'VERBATIM_EXPECT_HOVER_SUBSTR needs VERBATIM_HOVER_LINE and VERBATIM_HOVER_COL')
  end
  local result = request('textDocument/hover', position_params(line, col, 'hover'), EXIT.hover,
    string.format('hover at %d:%d', line, col))
  local text = ''
  if result and result.contents then
    text = table.concat(vim.lsp.util.convert_input_to_markdown_lines(result.contents), '\n')
  end
  if not text:find(hover_substr, 1, true) then
    fail(EXIT.hover, string.format('hover at %d:%d does not contain "%s"; got: %s', line, col, hover_substr,
      text ~= '' and vim.inspect(text) or '(no hover)'))
  end
  say(string.format('ok: hover at %d:%d contains "%s"', line, col, hover_substr))
  checked = checked + 1
end

-- 3. Completion ----------------------------------------------------------
local completion_substr = env('VERBATIM_EXPECT_COMPLETION_SUBSTR')
if completion_substr then
  local line = env_int('VERBATIM_COMPLETION_LINE')
  local col = env_int('VERBATIM_COMPLETION_COL')
  if not line or not col then
    fail(EXIT.config, 'VERBATIM_EXPECT_COMPLETION_SUBSTR needs VERBATIM_COMPLETION_LINE and VERBATIM_COMPLETION_COL')
  end
  local params = position_params(line, col, 'completion')
  params.context = { triggerKind = 1 } -- Invoked
  local result = request('textDocument/completion', params, EXIT.completion,
    string.format('completion at %d:%d', line, col))
  local items = (result and result.items) or result or {}
  local labels = {}
  local hit = false
  for _, item in ipairs(items) do
    table.insert(labels, item.label)
    local texts = { item.label, item.insertText, item.textEdit and item.textEdit.newText }
    for _, t in pairs(texts) do
      if type(t) == 'string' and t:find(completion_substr, 1, true) then
        hit = true
      end
    end
  end
  if not hit then
    fail(EXIT.completion, string.format('no completion item at %d:%d contains "%s"; got %d: %s', line, col,
      completion_substr, #labels, #labels > 0 and table.concat(labels, ' | ') or '(none)'))
  end
  say(string.format('ok: completion at %d:%d offers "%s" (%d items)', line, col, completion_substr, #labels))
  checked = checked + 1
end

-- Shut the server down politely (shutdown + exit), then leave.
vim.lsp.stop_client(client_id)
vim.wait(3000, function()
  return state.exited ~= nil
end, 20)
say(string.format('PASS: %d expectation(s) met', checked))
vim.cmd('qall!')
