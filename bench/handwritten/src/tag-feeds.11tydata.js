import { getModel } from "../../lib/model.js";

export default {
  pagination: {
    data: "digest.articles",
    size: 1,
    alias: "feed",
    before: (_articles, data) => getModel(data.digest).tagFeeds,
  },
  permalink: (data) => data.feed.url,
};
