export default class Named { static tag = Named.name; }
