-- copydesk language server: news wire copy checker.
-- Neovim 0.11+: put this directory's parent (editors/nvim) on 'runtimepath'
-- and call `vim.lsp.enable('copydesk')`. Override fields with
-- `vim.lsp.config('copydesk', { ... })`, e.g. cmd or settings.
--
-- Settings shape (also accepted by the server without the `copydesk` key):
--   copydesk = {
--     style = 'ap' | 'upi' | 'reuters' | 'afp' | 'xinhua' | 'bloomberg' | 'generic',
--     rules = { ['quotes/*'] = 'warning', ['dateline/missing'] = 'off' },
--     namesFile = '/path/to/names.txt',
--   }
-- They are sent as initializationOptions (unless init_options is set) and via
-- workspace/didChangeConfiguration; workspace/configuration is answered from them too.

---@type vim.lsp.Config
return {
  cmd = { 'copydesk', 'lsp' },
  filetypes = { 'text', 'markdown' },
  root_markers = { 'copydesk.toml', '.git' },
  settings = {
    copydesk = vim.empty_dict(),
  },
  before_init = function(params, config)
    if params.initializationOptions == nil or vim.tbl_isempty(params.initializationOptions) then
      params.initializationOptions = config.settings
    end
  end,
}
