/** Which Clarifai user and app the page reads from: the owner named in every `/v2` path. */
export interface UserApp {
  userId: string;
  appId: string;
}

/** `/v2/users/{userId}/apps/{appId}/...` with each segment escaped, so an id can never change the path. */
export function appPath(userApp: UserApp, ...segments: string[]): string {
  const parts = ['users', userApp.userId, 'apps', userApp.appId, ...segments];
  return `/v2/${parts.map(encodeURIComponent).join('/')}`;
}
