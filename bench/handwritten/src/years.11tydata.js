import { getModel } from "../../lib/model.js";

export default {
  pagination: {
    data: "digest.articles",
    size: 1,
    alias: "year",
    before: (_articles, data) => getModel(data.digest).years,
  },
  permalink: (data) => `${data.year.url}index.html`,
};
