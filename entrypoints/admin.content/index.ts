export default defineContentScript({
  matches: ['https://admin.shopify.com/store/*', 'https://*.myshopify.com/admin/*'],
  main() {},
});
